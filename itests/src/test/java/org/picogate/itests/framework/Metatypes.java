package org.picogate.itests.framework;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Looks up the Metatype description of a PID that the bundle of the same symbolic name declares, and reads it. */
final class Metatypes {

    private Metatypes() {
    }

    static ObjectClassDefinition of(BundleContext context, MetaTypeService metaType, String pid) {
        return metaType.getMetaTypeInformation(Arrays.stream(context.getBundles())
                .filter(b -> pid.equals(b.getSymbolicName())).findFirst().orElseThrow())
                .getObjectClassDefinition(pid, null);
    }

    /** Each attribute's ID and its default, the values joined with commas ({@code ""} for none). */
    static Map<String, String> defaults(ObjectClassDefinition ocd) {
        return Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)).collect(Collectors.toMap(
                AttributeDefinition::getID,
                a -> a.getDefaultValue() == null ? "" : String.join(",", a.getDefaultValue())));
    }
}
