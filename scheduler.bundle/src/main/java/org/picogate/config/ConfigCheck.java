package org.picogate.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with one configuration of a component, checked against its component property type (the
 * {@code @interface} a DS component takes its configuration through) and the component properties it was given.
 *
 * <p>A key that no attribute of the type reads is {@linkplain #unknownKeys() unknown} (most often a typo: it would
 * be ignored in silence), except the keys the framework adds: {@code service.*}, {@code component.*},
 * {@code felix.fileinstall.*}, {@code osgi.ds.*} and reference targets ({@code *.target}). A value that does not
 * convert to its attribute's type (such as {@code graceMillis="soon"} for a {@code long}) is
 * {@linkplain #invalidValues() invalid}: DS only fails when the attribute is read, with a message that names
 * neither the PID nor the key.
 *
 * @param unknownKeys keys no attribute reads, sorted
 * @param invalidValues {@code key=value (not a type)} for each value that does not convert, in attribute order
 */
public record ConfigCheck(List<String> unknownKeys, List<String> invalidValues) {
    private static final Pattern FRAMEWORK_KEYS =
            Pattern.compile("(service|component|felix\\.fileinstall|osgi\\.ds)\\..*|.*\\.target");
    /** DS 1.4 (112.8.2.1): how an attribute method's name maps to its property key. */
    private static final Pattern NAME_ESCAPES = Pattern.compile("\\$_\\$|\\$\\$|\\$|__|_");

    public ConfigCheck {
        unknownKeys = List.copyOf(unknownKeys);
        invalidValues = List.copyOf(invalidValues);
    }

    /**
     * Checks {@code config}, the component property type instance DS made from {@code properties} (the component
     * properties of the same activation or modification).
     */
    public static <A extends Annotation> ConfigCheck of(Class<A> type, A config, Map<String, ?> properties) {
        Set<String> unknown = new TreeSet<>(properties.keySet());
        List<String> invalid = new ArrayList<>();
        for (Method attribute : type.getDeclaredMethods()) {
            String key = key(attribute.getName());
            unknown.remove(key);
            try {
                attribute.setAccessible(true); // the type is usually package-private to its component
                attribute.invoke(config);
            } catch (InvocationTargetException e) {
                invalid.add(key + "=" + text(properties.get(key)) + " (not " + typeName(attribute.getReturnType())
                        + ")");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + attribute.getName(), e);
            }
        }
        unknown.removeIf(k -> FRAMEWORK_KEYS.matcher(k).matches());
        return new ConfigCheck(new ArrayList<>(unknown), invalid);
    }

    /**
     * The configuration of {@code type} with every attribute at its declared default: what a component keeps in
     * force when its first configuration is rejected.
     */
    public static <A extends Annotation> A defaults(Class<A> type) {
        Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> "defaults of " + type.getName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getDefaultValue();
                });
        return type.cast(instance);
    }

    /** Whether every value converts to its attribute's type (unknown keys are ignored, so they do not count). */
    public boolean valid() {
        return invalidValues.isEmpty();
    }

    /** The property key of an attribute method: {@code _} is a dot, {@code __} an underscore, and so on. */
    static String key(String methodName) {
        Matcher m = NAME_ESCAPES.matcher(methodName);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group()) {
                case "$_$" -> "-";
                case "$$" -> "\\$";
                case "$" -> "";
                case "__" -> "_";
                default -> ".";
            };
            m.appendReplacement(key, replacement);
        }
        return m.appendTail(key).toString();
    }

    private static String text(Object value) {
        return value instanceof Object[] list ? Arrays.toString(list) : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type.isArray()) {
            return "a list of " + typeName(type.getComponentType()).replaceFirst("^an? ", "");
        }
        String name = type.getSimpleName();
        return (name.matches("(?i)[aeiou].*") ? "an " : "a ") + (type == String.class ? "string" : name);
    }
}
