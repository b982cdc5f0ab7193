/** Implementation of the ops bundle; nothing here is API. */
package org.picogate.ops.internal;
