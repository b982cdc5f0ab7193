package org.picogate.config.testing;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Component property type instances (the {@code @interface} a DS component takes its configuration through) made
 * from a map of component properties, the way Declarative Services makes them, for unit tests:
 * {@code new SchedulerRuntime(ConfigProxies.of(SchedulerConfig.class, values), values)}.
 *
 * <p>An attribute reads the value of its property key, which is its name mapped as DS 1.4 (112.8.2.1) maps it
 * ({@code picogate_http_prefix} reads {@code picogate.http.prefix}), converted to its type; without a value it
 * reads its declared default. What converts, as in Felix SCR: to a {@code String}, any value (its
 * {@code toString()}); to an {@code int} or a {@code long}, a number, or a string that parses as one; to a
 * {@code boolean}, a {@code Boolean} or a string ({@code "true"}, in any case, is true). To other types, only a
 * value of that type, read as it is. Like SCR, the instance is made whatever the values are: a value that does not
 * convert (such as {@code "soon"} for a {@code long}) throws an {@link IllegalArgumentException} when its attribute
 * is read, which is what {@link org.picogate.config.ConfigCheck} reports.
 */
public final class ConfigProxies {

    private ConfigProxies() {
    }

    /**
     * An instance of {@code type} whose attributes read {@code values} (a {@code null} value or a missing key: the
     * default). The map is read each time an attribute is, not copied.
     */
    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> method.getDeclaringClass() == type ? attribute(method, values)
                        : annotationMethod(type, values, proxy, method, args));
        return type.cast(instance);
    }

    /**
     * The property key DS reads for an attribute: {@code _} is a dot, {@code __} an underscore, {@code $_$} a
     * hyphen, {@code $$} a dollar, a lone {@code $} nothing. ConfigCheck has its own mapping; this one is written
     * apart on purpose, so that a test of ConfigCheck does not check its keys against themselves.
     */
    static String key(String attribute) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < attribute.length(); i++) {
            char c = attribute.charAt(i);
            if (attribute.startsWith("$_$", i)) {
                key.append('-');
                i += 2;
            } else if (attribute.startsWith("$$", i) || attribute.startsWith("__", i)) {
                key.append(c);
                i++;
            } else if (c == '_') {
                key.append('.');
            } else if (c != '$') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Object attribute(Method attribute, Map<String, ?> properties) {
        String key = key(attribute.getName());
        Object value = properties.get(key);
        return value == null ? attribute.getDefaultValue() : convert(key, value, attribute.getReturnType());
    }

    private static Object convert(String key, Object value, Class<?> type) {
        try {
            if (type == String.class) {
                return value.toString();
            }
            if (value instanceof Number number && type == int.class) {
                return number.intValue();
            }
            if (value instanceof Number number && type == long.class) {
                return number.longValue();
            }
            if (value instanceof String text) {
                if (type == int.class) {
                    return Integer.parseInt(text);
                }
                if (type == long.class) {
                    return Long.parseLong(text);
                }
                if (type == boolean.class) {
                    return Boolean.parseBoolean(text);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " does not convert to " + type.getName(), e);
        }
        if (MethodType.methodType(type).wrap().returnType().isInstance(value)) {
            return value;
        }
        throw new IllegalArgumentException(key + "=" + value + " (a " + value.getClass().getName()
                + ") does not convert to " + type.getName());
    }

    /** {@code annotationType()} and the methods of {@code Object}, which the proxy is also asked for. */
    private static Object annotationMethod(Class<?> type, Map<String, ?> properties, Object proxy, Method method,
            Object[] args) {
        return switch (method.getName()) {
            case "annotationType" -> type;
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "@" + type.getSimpleName() + properties; // toString
        };
    }
}
