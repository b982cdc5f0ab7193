/**
 * Logging of the gateway, nothing here is API. Three parts, each a DS component:
 * <ul>
 * <li>{@link org.picogate.logging.internal.ConsoleLog} prints every entry of the OSGi log (Felix Log 1.3, OSGi Log
 * 1.4) on standard output, one {@link org.picogate.logging.internal.LogFormat} line each, after those logged before
 * it started;</li>
 * <li>{@link org.picogate.logging.internal.LogSetup} applies the gateway's default levels
 * ({@link org.picogate.logging.internal.LogLevels}) while no {@code org.osgi.service.log.admin} configuration
 * exists, and routes java.util.logging (where {@code System.Logger} goes) into the OSGi log through
 * {@link org.picogate.logging.internal.JulBridge}, so those lines have the same format and obey the same levels.</li>
 * </ul>
 * Levels are set the OSGi R7 way: Felix Log reads the configurations {@code org.osgi.service.log.admin} (all
 * bundles) and {@code org.osgi.service.log.admin|<bundle symbolic name>} (one bundle) from Config Admin, each a map
 * of logger name (or {@code ROOT}) to level name.
 */
package org.picogate.logging.internal;
