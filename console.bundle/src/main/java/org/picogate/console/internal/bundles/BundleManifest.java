package org.picogate.console.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.osgi.framework.Version;
import org.picogate.console.internal.web.ActionException;

/**
 * The OSGi identity of an uploaded jar, read from its manifest before the framework sees it, so that a file that is
 * not a bundle is refused with a reason a person understands.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without its directives
 */
public record BundleManifest(String symbolicName, Version version) {

    /**
     * Reads the manifest of the jar in {@code in} (wherever it stands in the archive).
     *
     * @throws ActionException 400 naming what is missing: not a jar, no manifest, no symbolic name, a bad version
     */
    public static BundleManifest read(InputStream in) throws ActionException, IOException {
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(in, false)) {
            manifest = jar.getManifest();
            boolean anyEntry = manifest != null;
            // JarInputStream finds the manifest only as the first entries; a jar zipped by hand may hold it later
            for (JarEntry entry; manifest == null && (entry = jar.getNextJarEntry()) != null;) {
                anyEntry = true;
                if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
                    manifest = new Manifest(jar);
                }
            }
            if (!anyEntry) {
                throw new ActionException(400, "not a bundle: the file is not a jar (no zip entries)");
            }
        } catch (ZipException e) {
            throw new ActionException(400, "not a bundle: the file is not a jar (" + e.getMessage() + ")");
        }
        if (manifest == null) {
            throw new ActionException(400, "not a bundle: the jar has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new ActionException(400, "not a bundle: the jar's manifest has no Bundle-SymbolicName (a plain "
                    + "jar; wrap it as a bundle first)");
        }
        int semicolon = bsn.indexOf(';');
        String name = (semicolon < 0 ? bsn : bsn.substring(0, semicolon)).strip();
        if (!"2".equals(String.valueOf(main.getValue("Bundle-ManifestVersion")).strip())) {
            throw new ActionException(400, "not a bundle: Bundle-ManifestVersion must be 2 (an OSGi R4+ bundle)");
        }
        Version version;
        try {
            String v = main.getValue("Bundle-Version");
            version = v == null ? Version.emptyVersion : Version.parseVersion(v.strip());
        } catch (IllegalArgumentException e) {
            throw new ActionException(400, "not a bundle: its Bundle-Version is malformed");
        }
        return new BundleManifest(name, version);
    }
}
