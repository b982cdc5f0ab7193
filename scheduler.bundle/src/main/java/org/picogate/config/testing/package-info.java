/**
 * Test support for configured components: {@link org.picogate.config.testing.ConfigProxies} makes a component
 * property type instance from a map, as Declarative Services makes one from a component's properties, so that
 * unit tests can activate and modify a component by hand, outside a framework, with the configurations they test;
 * {@link org.picogate.config.testing.LogCapture} reads what the component logs about them.
 */
@Export
@Version("1.1.0")
package org.picogate.config.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
