package org.picogate.http.internal;

import java.util.List;
import java.util.Locale;

/** Content negotiation on {@code Accept} (RFC 9110 12.5.1), for the few types the server itself produces. */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * Of {@code offers} (lower-case {@code type/subtype}, in the server's order of preference), the one the client
     * rates highest; the earlier offer on a tie. No {@code Accept} takes the first offer. If the client accepts
     * none of them, the first one too: an error page is better in a type it did not ask for than not at all.
     */
    static String choose(List<String> acceptHeaders, List<String> offers) {
        if (acceptHeaders.isEmpty()) {
            return offers.get(0);
        }
        String header = String.join(",", acceptHeaders);
        String best = offers.get(0);
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(header, offer);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best;
    }

    /**
     * The quality the client gives {@code type}: the {@code q} of the most specific range matching it
     * ({@code type/subtype} over {@code type/*} over {@code *}{@code /*}); 0 if none matches. Malformed ranges and
     * q values are skipped, never fatal.
     */
    static double quality(String header, String type) {
        int slash = type.indexOf('/');
        String major = type.substring(0, slash);
        int bestSpecificity = -1;
        double q = 0;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            if (parts.length == 0) {
                continue;
            }
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity;
            if (range.equals(type)) {
                specificity = 2;
            } else if (range.equals(major + "/*")) {
                specificity = 1;
            } else if (range.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity <= bestSpecificity) {
                continue;
            }
            double rangeQ = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                    try {
                        rangeQ = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException bad) {
                        rangeQ = 1;
                    }
                    if (!(rangeQ >= 0 && rangeQ <= 1)) {
                        rangeQ = 1;
                    }
                }
            }
            bestSpecificity = specificity;
            q = rangeQ;
        }
        return q;
    }
}
