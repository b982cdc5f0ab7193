package org.picogate.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;
import org.apache.felix.service.command.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console loop on a real Gogo runtime (1.1.6): each command line is a root job, which the session drops once it
 * is done. Under Gogo shell's console every line was a child of the shell's own job, kept until the shell ended
 * (about 35 KB each: see {@link ConsoleLoop}).
 */
class ConsoleLoopTest {

    /** A command that records the job it runs in. */
    public static final class Probe {
        final List<Job> jobs = new ArrayList<>();

        public String probe(String word) {
            jobs.add(Process.Utils.current().job()); // its own job (Job.Utils.current() is the root's)
            return "got " + word;
        }

        /** Runs the console loop inside this command's job, as Gogo shell's console runs inside gosh's. */
        public boolean nested(CommandSession session, String input) throws Exception {
            return ConsoleLoop.run(session, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    session.getConsole(), () -> false);
        }

        public void fail() {
            throw new IllegalArgumentException("on purpose");
        }
    }

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private CommandProcessorImpl processor;
    private final Probe probe = new Probe();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("test", probe, "probe");
        processor.addCommand("test", probe, "fail");
        processor.addCommand("test", probe, "nested");
    }

    @AfterEach
    void stop() {
        processor.stop();
        threadIO.stop();
    }

    private boolean run(CommandSession session, String input) throws Exception {
        return ConsoleLoop.run(session, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                () -> false);
    }

    @Test
    void everyLineIsARootJobThatTheSessionDropsOnceDone() throws Exception {
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            input.append("test:probe w").append(i).append('\n');
        }

        assertThat(run(session, input.toString())).as("ended at the end of input").isTrue();

        assertThat(probe.jobs).hasSize(50).allSatisfy(job -> {
            assertThat(job.parent()).as("a root job: no job holds it as a child").isNull();
            assertThat(job.status()).isEqualTo(Job.Status.Done);
        });
        assertThat(session.jobs()).as("finished root jobs are dropped").isEmpty();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("g! got w0\n", "got w49\n");
        assertThat(session.get("_")).as("only the last result is kept").isEqualTo("got w49");
        session.close();
    }

    /** The cause of the retention under Gogo shell: a line run from within a job becomes a child of it, for good. */
    @Test
    void underAJobEveryLineIsAChildOfThatJob() throws Exception {
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);

        session.put("lines", "test:probe a\ntest:probe b\n");
        session.execute("test:nested $lines"); // Gogo passes the session itself as the first argument

        assertThat(probe.jobs).hasSize(2).allSatisfy(job -> assertThat(job.parent()).isNotNull());
        session.close();
    }

    @Test
    void aFailureIsPrintedAndKeptAsExceptionAndTheLoopGoesOn() throws Exception {
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);

        assertThat(run(session, "test:fail\r\n\n   \ntest:probe after")).isTrue();

        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("gogo: IllegalArgumentException: on purpose\n", "got after\n");
        assertThat(session.get("exception")).isInstanceOf(IllegalArgumentException.class);
        assertThat(probe.jobs).hasSize(1); // the last line, without a line end, runs too
        session.close();
    }

    @Test
    void aClosedSessionEndsTheLoopWithoutEndOfInput() throws Exception {
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        session.close();

        assertThat(run(session, "test:probe x\ntest:probe y\n")).isFalse();
        assertThat(probe.jobs).isEmpty();
    }
}
