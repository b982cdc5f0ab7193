package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Every Picogate PID is described by Metatype, each of its attributes with a description and a default: the web
 * console's forms and a user reading the Metatype rely on both.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class MetatypeCoverageTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    MetaTypeService metaType;

    @ParameterizedTest
    @ValueSource(strings = { "org.picogate.scheduler", "org.picogate.streams", "org.picogate.http",
        "org.picogate.client", "org.picogate.ops" })
    void everyAttributeOfTheRuntimePidsHasADescriptionAndADefault(String pid) {
        assertDescribed(pid, Metatypes.of(context, metaType, pid));
    }

    /**
     * The notes app and the web console are in the gateway but not in the test runtime: their bundles (notes.jar,
     * console.jar in the tests bundle) are installed and resolved for the test.
     */
    @ParameterizedTest
    @CsvSource({ "org.picogate.notes, /notes.jar", "org.picogate.console, /console.jar" })
    void everyAttributeOfTheGatewayAppPidsHasADescriptionAndADefault(String pid, String jarName) throws Exception {
        Optional<Bundle> present = Arrays.stream(context.getBundles()).filter(b -> pid.equals(b.getSymbolicName()))
                .findFirst();
        Bundle installed = null;
        if (present.isEmpty()) {
            try (InputStream jar = getClass().getResourceAsStream(jarName)) {
                assertThat(jar).as(jarName + " in the tests bundle").isNotNull();
                installed = context.installBundle("picogate-itests:metatype" + jarName, jar);
            }
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(installed));
        }
        try {
            assertDescribed(pid, Metatypes.of(context, metaType, pid));
        } finally {
            if (installed != null) {
                installed.uninstall();
            }
        }
    }

    private static void assertDescribed(String pid, ObjectClassDefinition ocd) {
        assertThat(ocd).as("the Metatype of " + pid).isNotNull();
        assertThat(ocd.getName()).as(pid + " name").isNotBlank();
        assertThat(ocd.getDescription()).as(pid + " description").isNotBlank();
        AttributeDefinition[] attributes = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        assertThat(attributes).as(pid + " attributes").isNotEmpty();
        assertThat(attributes).allSatisfy(a -> {
            assertThat(a.getDescription()).as(pid + " " + a.getID() + " description").isNotBlank();
            assertThat(a.getDefaultValue()).as(pid + " " + a.getID() + " default").isNotNull();
        });
    }
}
