package org.picogate.ops.internal.config;

import java.io.IOException;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Gogo command {@code picogate:config PID [key=value...]}: shows a PID's configuration, or changes keys of it, by
 * its Metatype description (keys, types, options and bounds).
 */
@Component(service = ConfigCommand.class,
        property = { "osgi.command.scope=picogate", "osgi.command.function=config" })
public final class ConfigCommand {
    private final ConfigEditor editor;

    @Activate
    public ConfigCommand(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype) {
        this.editor = new ConfigEditor(context, configAdmin, metatype);
    }

    @Descriptor("shows the configuration of a PID (every key of its Metatype description with its type and value, "
            + "the default where none is set, passwords masked), or sets keys: each value is converted to its "
            + "key's type and checked; an unknown key, a wrong value or a PID without Metatype changes nothing")
    public String config(@Descriptor("the PID, such as org.picogate.http") String pid,
            @Descriptor("key=value pairs to set; a list takes values separated by commas") String... assignments)
            throws IOException {
        if (assignments == null || assignments.length == 0) {
            return editor.show(pid);
        }
        List<String> changed = editor.update(pid, List.of(assignments));
        return "updated " + pid + ": " + String.join(", ", changed) + "\n" + editor.show(pid);
    }
}
