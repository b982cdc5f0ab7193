package org.picogate.console.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

class MetatypeFormsTest {

    static final String PID = "org.example.thing";

    /** An attribute definition as Metatype gives one, with a min/max check like Felix's. */
    record Ad(String id, int type, int cardinality, String[] options, Long min, Long max)
            implements AttributeDefinition {
        public String getName() {
            return id;
        }

        public String getID() {
            return id;
        }

        public String getDescription() {
            return "";
        }

        public int getCardinality() {
            return cardinality;
        }

        public int getType() {
            return type;
        }

        public String[] getOptionValues() {
            return options;
        }

        public String[] getOptionLabels() {
            return options;
        }

        public String validate(String value) {
            if (min == null && max == null) {
                return null;
            }
            long v = Long.parseLong(value);
            if (min != null && v < min) {
                return "Value is less than minimum: " + min;
            }
            if (max != null && v > max) {
                return "Value is greater than maximum: " + max;
            }
            return "";
        }

        public String[] getDefaultValue() {
            return null;
        }
    }

    /** What Config Admin holds for the PID: {@code null} until the first update. */
    private Hashtable<String, Object> stored;
    private int updates;

    private final ConfigurationAdmin configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { ConfigurationAdmin.class }, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "listConfigurations":
                        assertThat((String) args[0]).isEqualTo("(service.pid=" + PID + ")");
                        return stored == null ? null : new Configuration[] { configuration() };
                    case "getConfiguration":
                        return configuration();
                    default:
                        throw new AssertionError("unexpected ConfigurationAdmin." + m.getName());
                }
            });

    private Configuration configuration() {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getProperties" -> stored == null ? null : new Hashtable<>(stored);
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                        stored = new Hashtable<>();
                        for (var keys = d.keys(); keys.hasMoreElements();) {
                            String k = keys.nextElement();
                            stored.put(k, d.get(k));
                        }
                        updates++;
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected Configuration." + m.getName());
                });
    }

    private final ObjectClassDefinition ocd = (ObjectClassDefinition) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { ObjectClassDefinition.class }, (proxy, m, args) -> {
                if (m.getName().equals("getAttributeDefinitions")) {
                    return new AttributeDefinition[] {
                            new Ad("port", AttributeDefinition.INTEGER, 0, null, 0L, 65535L),
                            new Ad("secret", AttributeDefinition.PASSWORD, 0, null, null, null),
                            new Ad("verbose", AttributeDefinition.BOOLEAN, 0, null, null, null),
                            new Ad("hosts", AttributeDefinition.STRING, -10, null, null, null),
                            new Ad("ratio", AttributeDefinition.DOUBLE, 0, null, null, null) };
                }
                throw new AssertionError("unexpected ObjectClassDefinition." + m.getName());
            });

    private final MetatypeForms forms = new MetatypeForms(null, null, configAdmin);

    private static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return form;
    }

    private static Map<String, List<String>> page(String... namesAndValues) {
        Map<String, List<String>> form = form(namesAndValues);
        form.put(MetatypeForms.SHOWN, List.of("port", "secret", "verbose"));
        return form;
    }

    @Test
    void aPasswordIsNeverShownKeptWhenLeftEmptyReplacedWhenTypedAndClearedOnRequest() throws Exception {
        MetatypeForms.Result first = forms.apply(ocd, PID, page("v.port", "8080", "v.secret", "s3cret"));
        assertThat(first.applied()).isTrue();
        assertThat(stored).containsEntry("port", 8080).containsEntry("secret", "s3cret")
                .containsEntry("verbose", false);
        assertThat(first.changed()).containsExactly("port", "secret", "verbose");

        List<ConfigField> shown = forms.fields(ocd, PID);
        ConfigField secret = shown.get(1);
        assertThat(secret.input()).isEqualTo("password");
        assertThat(secret.value()).isEmpty();
        assertThat(secret.secretSet()).isTrue();
        assertThat(shown).allSatisfy(f -> assertThat(f.value() + f.placeholder()).doesNotContain("s3cret"));

        forms.apply(ocd, PID, page("v.port", "8081")); // the password input left empty: kept
        assertThat(stored).containsEntry("port", 8081).containsEntry("secret", "s3cret");
        forms.apply(ocd, PID, page("v.port", "8081", "v.secret", "n3w"));
        assertThat(stored).containsEntry("secret", "n3w");
        forms.apply(ocd, PID, page("v.port", "8081", "clear.secret", "true"));
        assertThat(stored).doesNotContainKey("secret");
    }

    @Test
    void aRefusedValueStoresNothingAndComesBackWithItsReasonButNeverAPassword() throws Exception {
        MetatypeForms.Result r = forms.apply(ocd, PID, page("v.port", "99999", "v.secret", "typed", "v.verbose",
                "true"));
        assertThat(r.applied()).isFalse();
        assertThat(updates).isZero();
        assertThat(r.fields().get(0).error()).isEqualTo("'99999': Value is greater than maximum: 65535");
        assertThat(r.fields().get(0).value()).isEqualTo("99999");
        assertThat(r.fields().get(1).value()).isEmpty();
        assertThat(r.fields().get(2).checked()).isTrue();
    }

    @Test
    void theFormsBlankInputFallsBackToTheDefaultAScriptChangesOnlyWhatItSends() throws Exception {
        forms.apply(ocd, PID, page("v.port", "8080", "v.verbose", "true"));
        forms.apply(ocd, PID, page()); // every input blank or unticked
        assertThat(stored).doesNotContainKey("port").containsEntry("verbose", false);

        forms.apply(ocd, PID, page("v.port", "8080", "v.verbose", "true"));
        MetatypeForms.Result script = forms.apply(ocd, PID, form("v.port", "9090"));
        assertThat(script.changed()).containsExactly("port");
        assertThat(stored).containsEntry("port", 9090).containsEntry("verbose", true);
        forms.apply(ocd, PID, form("v.verbose", "false"));
        assertThat(stored).containsEntry("verbose", false);
        assertThat(forms.apply(ocd, PID, form("v.verbose", "maybe")).applied()).isFalse();
    }

    /**
     * Regression: a list item with a comma in it (from a {@code deploy/*.config} file, say) was shown unescaped, so
     * saving the form, for any other change, split it in two.
     */
    @Test
    void aListShowsAsItSavesAnItemWithACommaIncluded() throws Exception {
        stored = new Hashtable<>(Map.of("hosts", List.of("a,b", "c")));
        ConfigField hosts = forms.fields(ocd, PID).get(3);
        assertThat(hosts.value()).isEqualTo("a\\,b, c");
        assertThat(hosts.multiple()).isTrue();

        MetatypeForms.Result again = forms.apply(ocd, PID, form("v.hosts", hosts.value(), "v.port", "8080"));
        assertThat(again.changed()).containsExactly("port");
        assertThat(stored.get("hosts")).isEqualTo(List.of("a,b", "c"));
        forms.apply(ocd, PID, form("v.hosts", "x, , y,"));
        assertThat(stored.get("hosts")).isEqualTo(List.of("x", "y")); // a form's blank items are slips
    }

    /** Regression: a form stored NaN (picogate:config refused it); a number must be finite. */
    @Test
    void aNumberThatIsNotFiniteIsRefused() throws Exception {
        for (String notFinite : List.of("NaN", "Infinity", "-1e400")) {
            MetatypeForms.Result r = forms.apply(ocd, PID, form("v.ratio", notFinite));
            assertThat(r.applied()).isFalse();
            assertThat(r.fields().get(4).error()).isEqualTo("'" + notFinite + "' is not a double");
        }
        assertThat(updates).isZero();
        assertThat(forms.apply(ocd, PID, form("v.ratio", "0.75")).applied()).isTrue();
        assertThat(stored).containsEntry("ratio", 0.75);
    }

    @Test
    void pidsThatAreNotDottedNamesAreNotLookedUp() {
        assertThat(forms.definition("a)(service.pid=*")).isEmpty();
        assertThat(forms.definition("")).isEmpty();
        assertThat(forms.definition(null)).isEmpty();
    }
}
