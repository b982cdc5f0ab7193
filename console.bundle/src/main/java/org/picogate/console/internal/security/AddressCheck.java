package org.picogate.console.internal.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;

/**
 * "Bound to localhost unless configured otherwise": a request must come from a loopback address, and name a
 * loopback host in its {@code Host} header. The second check stops DNS rebinding, where a page from another site
 * has the browser send requests to 127.0.0.1 under that site's name (and, from loopback, would spend the
 * loopback address's login attempts, locking the real user out).
 */
public final class AddressCheck {

    private AddressCheck() {
    }

    /** Whether {@code address} is a loopback address (127.0.0.0/8, ::1, or ::ffff:127.x.y.z). */
    public static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    /**
     * Whether the {@code Host} header names this machine by a loopback name: {@code localhost}, an address in
     * 127.0.0.0/8 or {@code [::1]}, with or without a port. A request without a {@code Host} (HTTP/1.0) passes:
     * a browser always sends one.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !validPort(h.substring(end + 1))) {
                return false;
            }
            return "::1".equals(h.substring(1, end)) || "0:0:0:0:0:0:0:1".equals(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        if (colon >= 0 && !validPort(h.substring(colon))) {
            return false;
        }
        return "localhost".equals(name) || isLoopbackIpv4(name);
    }

    private static boolean validPort(String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        if (rest.charAt(0) != ':' || rest.length() < 2 || rest.length() > 6) {
            return false;
        }
        for (int i = 1; i < rest.length(); i++) {
            if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopbackIpv4(String name) {
        String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !"127".equals(octets[0])) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
