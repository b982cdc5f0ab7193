/**
 * Checks of component configurations (Config Admin, such as {@code deploy/*.config} files) against their
 * Declarative Services component property type: keys no attribute reads, and values that do not convert to the
 * attribute's type. The components of the gateway log what {@link org.picogate.config.ConfigCheck} finds in one
 * line naming the PID and the key, and keep the configuration in force; app bundles may do the same.
 */
@Export
@Version("1.0.0")
package org.picogate.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
