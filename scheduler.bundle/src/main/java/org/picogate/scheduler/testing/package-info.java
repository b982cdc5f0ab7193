/**
 * Test support: a {@link org.picogate.scheduler.testing.VirtualClock} whose time moves only when told, and a
 * {@link org.picogate.scheduler.testing.TestScheduler} that runs outside OSGi on any clock. Bundles use them in
 * their unit tests to test timeouts, idle limits and retries deterministically, without real waiting.
 */
@Export
@Version("1.0.0")
package org.picogate.scheduler.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
