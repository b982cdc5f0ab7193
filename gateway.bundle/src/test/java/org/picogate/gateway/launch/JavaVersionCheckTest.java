package org.picogate.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class JavaVersionCheckTest {

    @Test
    void theFeatureReleaseIsReadFromOldAndNewVersionStrings() {
        assertThat(JavaVersionCheck.feature("1.8")).isEqualTo(8);
        assertThat(JavaVersionCheck.feature("17")).isEqualTo(17);
        assertThat(JavaVersionCheck.feature("21")).isEqualTo(21);
        assertThat(JavaVersionCheck.feature("25-ea")).isEqualTo(25);
    }

    @Test
    void anUnreadableVersionCountsAsTooOld() {
        assertThat(JavaVersionCheck.feature("")).isZero();
        assertThat(JavaVersionCheck.feature("abc")).isZero();
        assertThat(JavaVersionCheck.feature("1.")).isZero();
    }

    @Test
    void itIsCompiledForJava8SoEveryJavaCanRunIt() throws Exception {
        try (InputStream in = JavaVersionCheck.class.getResourceAsStream("JavaVersionCheck.class");
                DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            assertThat(data.readUnsignedShort()).isEqualTo(52); // class file version of Java 8
        }
    }
}
