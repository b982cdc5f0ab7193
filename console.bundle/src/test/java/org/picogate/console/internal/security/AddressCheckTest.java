package org.picogate.console.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class AddressCheckTest {

    @Test
    void loopbackAddressesPassOthersDoNot() throws Exception {
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000))).isTrue();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("127.8.9.1"), 5000))).isTrue();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("::1"), 5000))).isTrue();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("::ffff:127.0.0.1"), 1)))
                .isTrue();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 5000)))
                .isFalse();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 5000)))
                .isFalse();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("fe80::1"), 5000)))
                .isFalse();
        assertThat(AddressCheck.isLoopback(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 5000)))
                .isFalse();
        assertThat(AddressCheck.isLoopback(InetSocketAddress.createUnresolved("localhost", 80))).isFalse();
        assertThat(AddressCheck.isLoopback(null)).isFalse();
    }

    @Test
    void loopbackHostNamesPassOthersDoNot() {
        for (String ok : new String[] { "localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:80", "127.1.2.3",
                "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]", " localhost ", }) {
            assertThat(AddressCheck.isLoopbackHost(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] { "evil.example", "evil.example:8080", "localhost.evil.example",
                "127.0.0.1.evil.example", "127.0.0.256", "127.0.0", "128.0.0.1", "[::2]", "[::1", "[::1]x",
                "localhost:", "localhost:80a", "localhost:1234567", "192.168.1.20", "", "[fe80::1]:80" }) {
            assertThat(AddressCheck.isLoopbackHost(bad)).as(bad).isFalse();
        }
        assertThat(AddressCheck.isLoopbackHost(null)).isTrue(); // HTTP/1.0 without Host
    }
}
