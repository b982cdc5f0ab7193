package org.picogate.ops.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.picogate.config.ValueType;

/**
 * What {@code picogate:config} adds to the shared value conversion ({@code org.picogate.config.ConfigAttribute},
 * tested in the scheduler bundle): a command argument's reading, the PID and key in each error, all or nothing, a
 * password never echoed, and what {@code show} prints; on stand-ins for the framework, Metatype and Config Admin.
 */
class ConfigEditorTest {

    static final String PID = "org.example.thing";

    /** An attribute as Metatype describes one; {@code validate} checks the options and an inclusive max. */
    record Ad(String id, int type, int cardinality, String[] options, Long max, String[] defaults)
            implements AttributeDefinition {
        static Ad of(String id, int type, int cardinality) {
            return new Ad(id, type, cardinality, null, null, null);
        }

        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return options;
        }

        @Override
        public String[] getOptionLabels() {
            return options;
        }

        @Override
        public String validate(String value) {
            if (options != null && !List.of(options).contains(value.strip())) {
                return "not one of " + List.of(options);
            }
            if (max != null && Long.parseLong(value.strip()) > max) {
                return "more than " + max;
            }
            return "";
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }
    }

    private final AttributeDefinition[] ads = {
            new Ad("count", AttributeDefinition.INTEGER, 0, null, 10L, new String[] { "1" }),
            Ad.of("name", AttributeDefinition.STRING, 0),
            Ad.of("secret", AttributeDefinition.PASSWORD, 0),
            Ad.of("tags", AttributeDefinition.STRING, 5),
            new Ad("mode", AttributeDefinition.STRING, 0, new String[] { "fast", "safe" }, null, null) };

    /** What Config Admin holds for the PID: {@code null} until the first update. */
    private Hashtable<String, Object> stored;
    private int updates;

    private final ConfigEditor editor = new ConfigEditor(context(), configAdmin(), metatype());

    @Test
    void valuesAreReadAsACommandArgumentAndStoredTyped() throws Exception {
        assertThat(editor.update(PID, List.of("count=5", "name= as typed ", "tags=a\\,b, c", "mode= safe")))
                .containsExactly("count", "name", "tags", "mode");
        assertThat(stored).containsEntry("count", 5).containsEntry("name", " as typed ").containsEntry("mode", "safe");
        assertThat((String[]) stored.get("tags")).containsExactly("a,b", "c");
        assertThat(updates).isEqualTo(1);
    }

    @Test
    void anyBadAssignmentChangesNothingAndNamesThePidAndTheKey() throws Exception {
        assertThatThrownBy(() -> editor.update(PID, List.of("count=6", "count=many")))
                .hasMessage("PID " + PID + " key count: 'many' is not an int; nothing changed");
        assertThatThrownBy(() -> editor.update(PID, List.of("count=11")))
                .hasMessage("PID " + PID + " key count: '11': more than 10 (int expected); nothing changed");
        assertThatThrownBy(() -> editor.update(PID, List.of("mode=slow")))
                .hasMessage("PID " + PID + " key mode: 'slow' is not one of fast, safe; nothing changed");
        assertThatThrownBy(() -> editor.update(PID, List.of("tags=1,2,3,4,5,6")))
                .hasMessage("PID " + PID + " key tags: 6 values, at most 5 (string[] expected); nothing changed");
        assertThatThrownBy(() -> editor.update(PID, List.of("count=6", "colour=red")))
                .hasMessageStartingWith("PID " + PID + " has no key colour (its keys: count, name, secret, tags, "
                        + "mode)");
        assertThatThrownBy(() -> editor.update(PID, List.of("count"))).hasMessage("PID " + PID + ": 'count' is "
                + "not key=value; nothing changed");
        assertThat(updates).isZero();
    }

    @Test
    void aRefusedPasswordIsNeverEchoed() {
        ads[2] = new Ad("secret", AttributeDefinition.PASSWORD, 0, new String[] { "only-this" }, null, null);
        assertThatThrownBy(() -> editor.update(PID, List.of("secret=hunter2")))
                .hasMessage("PID " + PID + " key secret: not accepted (password expected); nothing changed");
        assertThat(updates).isZero();
    }

    @Test
    void showTypesEveryKeyMasksAPasswordAndPrintsAListAsItIsTypedBack() throws Exception {
        assertThat(editor.show(PID)).contains(PID + " (no configuration: the defaults apply)")
                .containsPattern("count +int +\\(default 1\\)")
                .containsPattern("tags +string\\[\\] +\\(default empty\\)");
        editor.update(PID, List.of("secret=s3cret", "tags=a\\,b,c"));
        stored.put("colour", "red");
        String shown = editor.show(PID);
        assertThat(shown).containsPattern("secret +password +\\*{8}").doesNotContain("s3cret")
                .containsPattern("tags +string\\[\\] +a\\\\,b,c\n")
                .containsPattern("colour +\\? +red  \\(not in the Metatype description\\)");
    }

    @Test
    void typeLabelsFollowMetatypesCodes() {
        assertThat(ConfigEditor.typeLabel(Ad.of("k", AttributeDefinition.INTEGER, 0))).isEqualTo("int");
        assertThat(ConfigEditor.typeLabel(Ad.of("k", AttributeDefinition.LONG, -10))).isEqualTo("long[]");
        assertThat(ConfigEditor.typeLabel(Ad.of("k", AttributeDefinition.BIGINTEGER, 0))).isEqualTo("type 9");
        // the shared ValueType writes Metatype's codes out, as it does not import Metatype: the same numbers
        Map<Integer, ValueType> codes = Map.of(AttributeDefinition.STRING, ValueType.STRING,
                AttributeDefinition.LONG, ValueType.LONG, AttributeDefinition.INTEGER, ValueType.INTEGER,
                AttributeDefinition.SHORT, ValueType.SHORT, AttributeDefinition.CHARACTER, ValueType.CHARACTER,
                AttributeDefinition.BYTE, ValueType.BYTE, AttributeDefinition.DOUBLE, ValueType.DOUBLE,
                AttributeDefinition.FLOAT, ValueType.FLOAT, AttributeDefinition.BOOLEAN, ValueType.BOOLEAN,
                AttributeDefinition.PASSWORD, ValueType.PASSWORD);
        codes.forEach((code, type) -> assertThat(type.metatypeCode()).as(type.name()).isEqualTo(code));
        assertThat(codes).hasSize(ValueType.values().length);
        ads[1] = Ad.of("name", AttributeDefinition.BIGINTEGER, 0);
        assertThatThrownBy(() -> editor.update(PID, List.of("name=12")))
                .hasMessage("PID " + PID + " key name: attribute type 9 is not supported; nothing changed");
    }

    private BundleContext context() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, m, args) -> {
                    throw new AssertionError("unexpected Bundle." + m.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getBundles" -> new Bundle[] { bundle };
                    default -> throw new AssertionError("unexpected BundleContext." + m.getName());
                });
    }

    private MetaTypeService metatype() {
        ObjectClassDefinition ocd = (ObjectClassDefinition) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ObjectClassDefinition.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getAttributeDefinitions" -> ads.clone();
                    default -> throw new AssertionError("unexpected ObjectClassDefinition." + m.getName());
                });
        MetaTypeInformation info = (MetaTypeInformation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { MetaTypeInformation.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getPids" -> new String[] { PID };
                    case "getObjectClassDefinition" -> ocd;
                    default -> throw new AssertionError("unexpected MetaTypeInformation." + m.getName());
                });
        return (MetaTypeService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { MetaTypeService.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getMetaTypeInformation" -> info;
                    default -> throw new AssertionError("unexpected MetaTypeService." + m.getName());
                });
    }

    private ConfigurationAdmin configAdmin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "listConfigurations" -> {
                        assertThat((String) args[0]).isEqualTo("(service.pid=" + PID + ")");
                        yield stored == null ? null : new Configuration[] { configuration() };
                    }
                    case "getConfiguration" -> configuration();
                    default -> throw new AssertionError("unexpected ConfigurationAdmin." + m.getName());
                });
    }

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
}
