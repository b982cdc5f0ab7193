package org.picogate.gateway.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The Main-Class of the gateway jar: on a Java older than 21 it prints one line saying so and exits with status 1,
 * instead of bnd's launcher failing with a stack trace per bundle (Java 17) or an UnsupportedClassVersionError
 * (Java 8 to 16); on 21 or newer it hands over to bnd's launcher. Compiled for Java 8 (release 8, a compiler
 * execution of its own in gateway.bundle/pom.xml) so that every Java that can run a jar can run it; so no API newer
 * than Java 8 here.
 */
public final class JavaVersionCheck {

    static final int MINIMUM = 21;
    static final String LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private JavaVersionCheck() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "");
        if (feature(version) < MINIMUM) {
            System.err.println("Picogate needs Java " + MINIMUM + " or newer; this is Java " + version + " ("
                    + System.getProperty("java.home") + "). Run it with a JDK 21+ (./picogate run finds one).");
            System.exit(1);
        }
        Method main = Class.forName(LAUNCHER).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release of a java.specification.version: "1.8" is 8, "17" is 17; 0 if unreadable. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
