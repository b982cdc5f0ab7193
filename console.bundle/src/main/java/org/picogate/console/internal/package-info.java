/** Implementation of the console bundle; nothing here is API. */
package org.picogate.console.internal;
