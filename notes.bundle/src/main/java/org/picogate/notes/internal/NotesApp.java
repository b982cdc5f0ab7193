package org.picogate.notes.internal;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.picogate.config.ConfigCheck;
import org.picogate.http.App;
import org.picogate.http.Routes;
import org.picogate.notes.internal.data.Database;
import org.picogate.notes.internal.data.NoteLimits;
import org.picogate.notes.internal.data.NoteStore;
import org.picogate.notes.internal.data.SqliteNativeLibrary;

/**
 * The notes app (a port of notes-pico), served by the HTTP whiteboard as an {@link App}: the pages
 * ({@link NotePages}), the JSON API ({@link NotesApi}) and its style sheet under {@code /static}. It opens its
 * SQLite file when it starts (immediately, so a file it cannot use shows at the gateway's start) and closes it
 * when it stops; a new configuration starts it again (DS), on the new file if that changed. One that cannot apply
 * is logged in one line naming the key, and the app stays stopped until the configuration is corrected.
 */
@Component(service = App.class, immediate = true, configurationPid = NotesApp.PID)
@Designate(ocd = NotesConfig.class)
public final class NotesApp implements App {

    static final String PID = "org.picogate.notes";
    private static final System.Logger LOG = System.getLogger(PID);

    private final Database database;
    private final NotePages pages;
    private final NotesApi api;
    private final Path statics;

    @Activate
    public NotesApp(BundleContext context, NotesConfig config, Map<String, Object> properties)
            throws SQLException, IOException {
        if (!valid(config, properties)) {
            // DS starts the app anew at each change, so there is no configuration in force to keep, and the
            // defaults would open another database: it stays stopped until a configuration that can apply
            throw new ComponentException(PID + ": not started, its configuration is rejected (logged)");
        }
        NoteLimits limits = new NoteLimits(config.maxTitleLength(), config.maxContentLength());
        String base = prefix(config.picogate_http_prefix());
        File data = context.getDataFile("static");
        this.statics = StaticAssets.copyTo(data != null ? data.toPath() : Files.createTempDirectory("notes-static"));
        provideSqliteLibrary(context);
        this.database = Database.open(Path.of(config.databaseFile()).toAbsolutePath());
        try {
            NoteStore store = NoteStore.open(database, Clock.systemUTC());
            this.pages = new NotePages(store, new Pages(), limits, base);
            this.api = new NotesApi(store, limits, base);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Spares the start sqlite-jdbc's own extraction of its library (see SqliteNativeLibrary); not needed to work. */
    private static void provideSqliteLibrary(BundleContext context) {
        File folder = context.getDataFile("sqlite-native");
        if (folder == null) {
            return;
        }
        try {
            SqliteNativeLibrary.provide(folder.toPath());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, () -> PID + ": SQLite's native library could not be copied to " + folder
                    + ", sqlite-jdbc extracts it itself (" + e + ")");
        }
    }

    /** Whether the configuration can apply whole; if not, why is logged in one line naming the keys. */
    static boolean valid(NotesConfig config, Map<String, Object> properties) {
        ConfigCheck check = ConfigCheck.of(NotesConfig.class, config, properties);
        if (!check.unknownKeys().isEmpty()) {
            LOG.log(Level.WARNING, () -> PID + ": ignored unknown key(s) " + String.join(", ", check.unknownKeys()));
        }
        List<String> violations = NotesConfigRules.violations(config, check);
        if (!violations.isEmpty()) {
            LOG.log(Level.ERROR, () -> PID + ": rejected " + String.join(", ", violations)
                    + "; the app is stopped until its configuration is corrected");
            return false;
        }
        return true;
    }

    /** The prefix as links need it: empty at the root, else starting with one slash and ending without. */
    static String prefix(String configured) {
        String prefix = configured == null ? "" : configured.strip();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix.isEmpty() || prefix.startsWith("/") ? prefix : "/" + prefix;
    }

    @Override
    public void routes(Routes routes) {
        pages.addTo(routes);
        api.addTo(routes);
        routes.statics("/static", statics);
    }

    @Deactivate
    void stop() throws SQLException {
        database.close();
    }
}
