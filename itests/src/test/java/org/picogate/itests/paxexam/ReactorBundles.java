package org.picogate.itests.paxexam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Bundles the Pax Exam tests install: ours and the runtime's, as the files of this build's dependencies, whose paths
 * the pom hands over in {@code picogate.bundle.*} system properties (failsafe's systemPropertyVariables).
 */
final class ReactorBundles {

    private ReactorBundles() {
    }

    /** What every Pax Exam test here needs: JUnit, and Declarative Services (Felix SCR with the APIs it imports). */
    static Option junitAndScr() {
        return composite(
                junitBundles(),
                reactorBundle("picogate.bundle.function"),
                reactorBundle("picogate.bundle.promise"),
                reactorBundle("picogate.bundle.component"),
                reactorBundle("picogate.bundle.scr"));
    }

    /** The bundle file the system property {@code property} names; fails at once when there is none. */
    static UrlProvisionOption reactorBundle(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property " + property + " must name a bundle file, is " + path);
        }
        return bundle(new File(path).toURI().toString());
    }
}
