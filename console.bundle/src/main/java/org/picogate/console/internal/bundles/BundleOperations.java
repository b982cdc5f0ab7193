package org.picogate.console.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.log.Logger;
import org.picogate.console.internal.web.ActionException;
import org.picogate.http.FilePart;
import org.picogate.scheduler.Scheduler;
import org.picogate.scheduler.Task;

/**
 * The bundle actions: start, stop, update (from the bundle's location), uninstall, and the upload (install and
 * start, or update the bundle with the same symbolic name). Each runs in a task of its own, which the request waits
 * for at most {@link #WAIT}: stopping the HTTP server's bundle waits for the requests in flight, this one included.
 * The framework bundle and the console's own bundle are left alone. The uploaded file is installed from a stream;
 * its client-given name is never used as a path.
 */
public final class BundleOperations {

    static final Duration WAIT = Duration.ofSeconds(10);
    public static final String LOCATION_PREFIX = "console:";

    private final BundleContext context;
    private final Scheduler scheduler;
    private final Logger log;

    public BundleOperations(BundleContext context, Scheduler scheduler, Logger log) {
        this.context = context;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Every bundle, by id. */
    public List<BundleRow> list() {
        long self = context.getBundle().getBundleId();
        List<BundleRow> rows = new ArrayList<>();
        Arrays.stream(context.getBundles()).sorted(Comparator.comparingLong(Bundle::getBundleId))
                .forEach(b -> rows.add(BundleRow.of(b, self)));
        return rows;
    }

    /** Runs {@code action} (start, stop, update, uninstall) on bundle {@code id}; returns what was done. */
    public String act(long id, String action, String who) throws ActionException {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new ActionException(404, "there is no bundle " + id);
        }
        if (id == 0 || id == context.getBundle().getBundleId()) {
            throw new ActionException(403, "bundle " + id + " (" + bundle.getSymbolicName() + ") is not managed "
                    + "from the console; use the shell");
        }
        String label = bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + id + ")";
        switch (action) {
            case "start" -> run(label, () -> bundle.start());
            case "stop" -> run(label, () -> bundle.stop());
            case "update" -> run(label, () -> {
                bundle.update();
                refresh(bundle);
            });
            case "uninstall" -> run(label, () -> {
                bundle.uninstall();
                refresh(bundle);
            });
            default -> throw new ActionException(404, "no such action: " + action);
        }
        String done = switch (action) {
            case "start" -> "started ";
            case "stop" -> "stopped ";
            case "update" -> "updated ";
            default -> "uninstalled ";
        } + label;
        log.info("console: {} by {}", done, who);
        return done;
    }

    /** Installs and starts the uploaded bundle, or updates the installed one with its symbolic name. */
    public String deploy(FilePart file, String who) throws ActionException, IOException {
        BundleManifest manifest;
        try (InputStream in = file.inputStream()) {
            manifest = BundleManifest.read(in);
        }
        Bundle existing = Arrays.stream(context.getBundles())
                .filter(b -> manifest.symbolicName().equals(b.getSymbolicName())).findFirst().orElse(null);
        String label = manifest.symbolicName() + " " + manifest.version();
        String done;
        if (existing != null) {
            if (existing.getBundleId() == 0 || existing.getBundleId() == context.getBundle().getBundleId()) {
                throw new ActionException(403, manifest.symbolicName() + " is not updated from the console");
            }
            String before = existing.getVersion().toString();
            run(label, () -> {
                try (InputStream in = file.inputStream()) {
                    existing.update(in);
                }
                refresh(existing);
                if (existing.getState() != Bundle.ACTIVE) {
                    existing.start();
                }
            });
            done = "updated " + manifest.symbolicName() + " " + before + " to " + manifest.version() + " ("
                    + existing.getBundleId() + ")";
        } else {
            Bundle[] installed = new Bundle[1];
            run(label, () -> {
                try (InputStream in = file.inputStream()) {
                    installed[0] = context.installBundle(LOCATION_PREFIX + manifest.symbolicName(), in);
                }
                installed[0].start();
            });
            done = "installed and started " + label + " (" + installed[0].getBundleId() + ")";
        }
        log.info("console: {} by {}", done, who);
        return done;
    }

    private void refresh(Bundle bundle) {
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws BundleException, IOException;
    }

    private void run(String label, Operation operation) throws ActionException {
        Task<Void> task = scheduler.spawn("console: " + label, (Callable<Void>) () -> {
            operation.run();
            return null;
        });
        try {
            task.join(WAIT);
        } catch (TimeoutException e) {
            throw new ActionException(202, label + ": still in progress after " + WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ActionException(cause instanceof BundleException ? 409 : 500, label + ": "
                    + cause.getMessage());
        }
    }
}
