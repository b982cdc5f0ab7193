package org.picogate.console.internal.bundles;

import org.osgi.framework.Bundle;

/**
 * One line of the bundles page.
 *
 * @param protectedBundle the framework and the console itself: no actions from here (use the shell)
 */
public record BundleRow(long id, String symbolicName, String version, String state, String name,
        boolean protectedBundle, boolean active) {

    static BundleRow of(Bundle bundle, long consoleId) {
        String name = bundle.getHeaders("").get("Bundle-Name");
        return new BundleRow(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                bundle.getVersion().toString(), state(bundle.getState()), name == null ? "" : name,
                bundle.getBundleId() == 0 || bundle.getBundleId() == consoleId, bundle.getState() == Bundle.ACTIVE);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
