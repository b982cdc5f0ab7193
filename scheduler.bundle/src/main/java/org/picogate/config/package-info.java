/**
 * Checks of component configurations (Config Admin, such as {@code deploy/*.config} files) against their
 * Declarative Services component property type: keys no attribute reads, and values that do not convert to the
 * attribute's type. The components of the gateway log what {@link org.picogate.config.ConfigCheck} finds in one
 * line naming the PID and the key, and keep the configuration in force; app bundles may do the same.
 *
 * <p>Since 1.1, values typed by people, read by their Metatype description: a
 * {@link org.picogate.config.ConfigAttribute} turns the text typed for an attribute into the value Config Admin
 * should hold (its {@link org.picogate.config.ValueType}, an array or a list, checked against the options and the
 * definition's own validation), and {@link org.picogate.config.ValueText} writes a value back as text that reads
 * the same. The web console's configuration forms and the {@code picogate:config} command share them. This package
 * does not import the Metatype API: a definition's type code, cardinality, options and {@code validate} are passed
 * in.
 */
@Export
@Version("1.1.0")
package org.picogate.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
