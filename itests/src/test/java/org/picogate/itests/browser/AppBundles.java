package org.picogate.itests.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds the app bundle of {@link DeployedApp} in memory, one version at a time, as a build would. */
final class AppBundles {
    static final String SYMBOLIC_NAME = "org.picogate.itests.deployed";

    private AppBundles() {
    }

    /** The bundle at {@code version}, answering {@code body}; its class is this module's compiled one. */
    static byte[] deployedApp(String version, String body) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", DeployedApp.class.getName());
        main.putValue("Import-Package",
                "org.osgi.framework,org.picogate.http,org.picogate.http.whiteboard,org.picogate.scheduler");
        main.putValue(DeployedApp.BODY_HEADER, body);
        String entry = DeployedApp.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest);
                InputStream classFile = DeployedApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar.toByteArray();
    }
}
