package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleEvent;

/**
 * The JSON codec keeps no class of a bundle revision that is gone: a class from its own loader (an app bundle's
 * stand-in) goes through the codec, then its loader may be collected once the codec forgot its classes, and not
 * before (the regression: every hot-swapped revision stayed in memory).
 */
class JsonCodecResetTest {

    /** What an app answers; loaded again, by a loader of its own, for the test. */
    public record Sample(String name, int count) {
    }

    @Test
    void theCodecHoldsAClassUntilItForgetsClasses() throws Exception {
        WeakReference<ClassLoader> loader = writeThroughOwnLoader();
        assertThat(collected(loader, 3)).as("held by the codec's cache").isFalse();

        JsonCodec.forgetClasses();

        assertThat(collected(loader, 50)).as("collected once the codec forgot its classes").isTrue();
    }

    @Test
    void updatesUnresolvesAndUninstallsResetTheCodecOtherEventsDoNot() {
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.UPDATED)).isTrue();
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.UNRESOLVED)).isTrue();
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.UNINSTALLED)).isTrue();
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.STARTED)).isFalse();
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.RESOLVED)).isFalse();
        assertThat(JsonCodecReset.forgetsClasses(BundleEvent.INSTALLED)).isFalse();
    }

    /** Loads {@link Sample} in a loader of its own (no parent: it defines the class), writes one as JSON. */
    private static WeakReference<ClassLoader> writeThroughOwnLoader() throws Exception {
        URL classes = Sample.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader own = new URLClassLoader(new URL[] { classes }, null);
        Class<?> sample = own.loadClass(Sample.class.getName());
        assertThat(sample).isNotSameAs(Sample.class);
        Object value = sample.getConstructor(String.class, int.class).newInstance("t", 3);
        assertThat(new String(JsonCodec.write(value), StandardCharsets.UTF_8)).isEqualTo("{\"count\":3,\"name\":\"t\"}");
        own.close();
        return new WeakReference<>(own);
    }

    /** Whether the loader is collected within {@code tries} full collections. */
    private static boolean collected(WeakReference<ClassLoader> loader, int tries) throws InterruptedException {
        for (int i = 0; i < tries && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(10); // lets the reference handler clear it; a bound on retries, not a timing assertion
        }
        return loader.get() == null;
    }
}
