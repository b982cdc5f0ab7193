package org.picogate.console.internal.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.picogate.console.internal.web.ActionException;

class BundleManifestTest {

    static byte[] jar(String... headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < headers.length; i += 2) {
            manifest.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new ZipEntry("a/A.class"));
            out.write(new byte[] { 1, 2, 3 });
        }
        return bytes.toByteArray();
    }

    private static BundleManifest read(byte[] bytes) throws Exception {
        return BundleManifest.read(new ByteArrayInputStream(bytes));
    }

    private static void assertRefused(byte[] bytes, String reason) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOfSatisfying(ActionException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("not a bundle").contains(reason);
        });
    }

    @Test
    void aBundleJarGivesItsSymbolicNameWithoutDirectivesAndItsVersion() throws Exception {
        BundleManifest m = read(jar("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "org.example.hello;singleton:=true", "Bundle-Version", "1.2.3.beta"));
        assertThat(m.symbolicName()).isEqualTo("org.example.hello");
        assertThat(m.version()).isEqualTo(new Version(1, 2, 3, "beta"));
        assertThat(read(jar("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x")).version())
                .isEqualTo(Version.emptyVersion);
    }

    @Test
    void aManifestFurtherInTheArchiveIsFound() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a/A.class"));
            out.write(1);
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write(("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: late\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(bytes.toByteArray()).symbolicName()).isEqualTo("late");
    }

    @Test
    void whatIsNotABundleIsRefusedSayingWhy() throws Exception {
        assertRefused("just some text, not a zip".getBytes(StandardCharsets.UTF_8), "not a jar");
        assertRefused(new byte[0], "not a jar");
        ByteArrayOutputStream noManifest = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(noManifest)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(1);
        }
        assertRefused(noManifest.toByteArray(), "no META-INF/MANIFEST.MF");
        assertRefused(jar("Main-Class", "x.Main"), "no Bundle-SymbolicName");
        assertRefused(jar("Bundle-SymbolicName", "old.r3"), "Bundle-ManifestVersion must be 2");
        assertRefused(jar("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x", "Bundle-Version", "1.x"),
                "Bundle-Version is malformed");
    }
}
