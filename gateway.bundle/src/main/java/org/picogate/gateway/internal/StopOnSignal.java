package org.picogate.gateway.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop the framework in order instead of ending the JVM at once, so the gateway exits
 * with status 0 (see {@link LauncherMain}). Uses {@code sun.misc.Signal} (module jdk.unsupported), the only way to
 * handle a signal in Java; where it is unavailable (e.g. {@code -Xrs}) the JVM's default stays.
 */
final class StopOnSignal {

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final List<Installed> installed;

    private StopOnSignal(List<Installed> installed) {
        this.installed = installed;
    }

    static StopOnSignal install(Bundle framework) {
        List<Installed> installed = new ArrayList<>();
        try {
            SignalHandler stop = signal -> stop(framework);
            for (String name : List.of("INT", "TERM")) {
                try {
                    Signal signal = new Signal(name);
                    installed.add(new Installed(signal, Signal.handle(signal, stop)));
                } catch (IllegalArgumentException unavailable) {
                    // signal unknown here or reserved by the JVM: keep the default
                }
            }
        } catch (LinkageError noSunMisc) {
            // sun.misc not wired to this bundle (optional import): keep the defaults
        }
        return new StopOnSignal(installed);
    }

    /** Puts back the handlers found at install time: a second Ctrl-C during shutdown then ends the JVM. */
    void uninstall() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
    }

    private static void stop(Bundle framework) {
        try {
            framework.stop(); // asynchronous for the system bundle
        } catch (BundleException | IllegalStateException e) {
            System.err.println("Picogate: could not stop the framework on a signal: " + e);
        }
    }
}
