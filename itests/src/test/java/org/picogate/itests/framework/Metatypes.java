package org.picogate.itests.framework;

import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Looks up the Metatype description of a PID that the bundle of the same symbolic name declares. */
final class Metatypes {

    private Metatypes() {
    }

    static ObjectClassDefinition of(BundleContext context, MetaTypeService metaType, String pid) {
        return metaType.getMetaTypeInformation(Arrays.stream(context.getBundles())
                .filter(b -> pid.equals(b.getSymbolicName())).findFirst().orElseThrow())
                .getObjectClassDefinition(pid, null);
    }
}
