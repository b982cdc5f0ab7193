package org.picogate.itests.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The logging bundle in Felix: a {@code System.Logger} line of this bundle (java.util.logging underneath) comes out on
 * the console in the gateway's format, and its DEBUG lines appear and disappear with the level set for this bundle
 * through Config Admin, PID {@code org.osgi.service.log.admin|org.picogate.itests.tests} (OSGi R7 log admin); the
 * gateway's default levels come back when the configuration of all bundles ({@code org.osgi.service.log.admin}) goes.
 */
@ExtendWith(ServiceExtension.class)
class LoggingTest {
    static final String ROOT_PID = "org.osgi.service.log.admin";
    static final String PID = ROOT_PID + "|org.picogate.itests.tests";
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger("org.picogate.itests.tests.logging");
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    LogReaderService logReader; // the logging bundle's console needs it: the test waits for it too

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream stdout;
    private int probe;

    @BeforeEach
    void captureTheConsole() {
        stdout = System.out;
        System.setOut(new PrintStream(new Tee(stdout, console), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(stdout);
        Configuration levels = configAdmin.getConfiguration(PID, "?");
        levels.delete();
    }

    @Test
    void debugLinesAppearAndDisappearWithTheBundlesLevel() throws Exception {
        setLevel("DEBUG");
        // Felix Log applies the configuration asynchronously: log DEBUG probes until one shows
        String shown = awaitLine(": probe ", () -> LOG.log(Level.DEBUG, "probe " + probe));
        assertThat(shown).matches(LINE_START + "DEBUG org\\.picogate\\.itests\\.tests\\.logging: probe \\d+");

        setLevel("INFO");
        awaitHidden(Level.DEBUG, "quiet", Level.INFO);
    }

    @Test
    void theGatewaysDefaultsComeBackWhenTheConfigurationOfAllBundlesIsDeleted() throws Exception {
        Configuration all = configAdmin.getConfiguration(ROOT_PID, "?");
        try {
            Hashtable<String, Object> levels = new Hashtable<>();
            levels.put("ROOT", "WARN");
            all.update(levels);
            awaitHidden(Level.INFO, "hidden", Level.WARNING);
        } finally {
            all.delete();
        }
        // Felix Log then empties the root context (its default would be WARN); the gateway's INFO comes back
        String shown = awaitLine(": back ", () -> LOG.log(Level.INFO, "back " + probe));
        assertThat(shown).matches(LINE_START + "INFO  org\\.picogate\\.itests\\.tests\\.logging: back \\d+");
    }

    @Test
    void anExceptionIsPrintedWithItsStackTraceBelowTheLine() throws Exception {
        IllegalStateException failure = new IllegalStateException("sensor 7 unplugged");
        String marker = "reading failed " + System.nanoTime();
        LOG.log(Level.WARNING, marker, failure);
        Await.until(WAIT, () -> "no WARN line in:\n" + console, () -> printed("WARN ", marker));
        assertThat(console.toString(StandardCharsets.UTF_8)).containsPattern(Pattern.compile(LINE_START
                + "WARN  org\\.picogate\\.itests\\.tests\\.logging: " + marker
                + "\\R+java\\.lang\\.IllegalStateException: sensor 7 unplugged\\R\\tat org\\.picogate\\.itests\\."));
    }

    /**
     * Waits until a line at {@code hidden} is no longer printed. Each round: a probe at {@code hidden}, then a marker
     * at {@code marker}; once the marker shows, its probe was handled before it.
     */
    private void awaitHidden(Level hidden, String word, Level marker) throws InterruptedException {
        Await.until(WAIT, () -> label(hidden).strip() + " lines still printed at " + label(marker).strip() + ":\n"
                + console, () -> {
            int round = ++probe;
            LOG.log(hidden, word + " " + round);
            LOG.log(marker, "marker " + round);
            try {
                Await.until(WAIT, () -> "no " + label(marker).strip() + " marker " + round,
                        () -> printed(label(marker), "marker " + round));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return !printed(label(hidden), word + " " + round);
        });
    }

    /** The level as the console prints it, five wide. */
    private static String label(Level level) {
        return switch (level) {
            case WARNING -> "WARN ";
            case INFO -> "INFO ";
            default -> level.getName();
        };
    }

    private void setLevel(String level) throws Exception {
        Hashtable<String, Object> levels = new Hashtable<>();
        levels.put("ROOT", level);
        configAdmin.getConfiguration(PID, "?").update(levels);
    }

    /** Runs {@code logProbe} until a console line contains {@code text}; returns that line. */
    private String awaitLine(String text, Runnable logProbe) throws InterruptedException {
        Await.until(WAIT, () -> "no line with '" + text + "' in:\n" + console, () -> {
            probe++;
            logProbe.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return console.toString(StandardCharsets.UTF_8).contains(text);
        });
        return console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).findFirst().orElseThrow();
    }

    private boolean printed(String level, String message) {
        return console.toString(StandardCharsets.UTF_8).lines()
                .anyMatch(l -> l.contains(" " + level + " ") && l.endsWith(": " + message));
    }

    /** Writes to the real standard output and to the buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
