package org.picogate.gateway.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Function;

/**
 * Reads command lines and runs each in a Gogo session, the way Gogo shell 1.1.4's console does: a prompt (session
 * variable {@code prompt}, default {@code g! }), the formatted result unless {@code .Gogo.format} is false,
 * {@code $_} set to the last result and {@code $exception} to the last failure, whose class and message are
 * printed. Not supported: the console's {@code !}/{@code ^} history expansion.
 *
 * <p>Why not Gogo shell's console: it runs inside the job of its {@code gosh --login} command, and Gogo runtime
 * 1.1.6 makes every command started from within a job a child of that job's root (CommandSessionImpl.createJob)
 * and never removes a finished child (JobImpl.children only grows; only root jobs leave the session's list once
 * done). Every command typed there kept its job, pipe, closure and two PrintStreams with 8 K-char writer buffers,
 * about 35 KB, until the shell ended. This loop calls {@link CommandSession#execute} from a thread that belongs to
 * no job, so each command line is a root job, dropped by the session as soon as it is done.
 */
final class ConsoleLoop {

    static final String SESSION_CLOSED = "session is closed"; // Gogo's IllegalStateException message

    private ConsoleLoop() {
    }

    /**
     * Runs until the end of {@code in} (or EOT, Ctrl-D from telnet), or until {@code stopped} says so or the session
     * is closed. Returns true at the end of input, false when stopped.
     */
    static boolean run(CommandSession session, InputStream in, PrintStream out, BooleanSupplier stopped)
            throws IOException {
        while (!stopped.getAsBoolean()) {
            out.print(prompt(session, out));
            out.flush();
            Line line = readLine(in);
            if (stopped.getAsBoolean()) {
                return false;
            }
            if (!line.text().isBlank() && !execute(session, line.text(), out)) {
                return false;
            }
            if (line.last()) {
                return true;
            }
        }
        return false;
    }

    /** Runs one line; false when the session is closed. */
    static boolean execute(CommandSession session, String line, PrintStream out) {
        try {
            Object result = session.execute(line);
            session.put("_", result); // null removes it: only the last result is kept
            if (result != null && !Boolean.FALSE.equals(session.get(".Gogo.format"))) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            if (e instanceof IllegalStateException && SESSION_CLOSED.equals(e.getMessage())) {
                return false;
            }
            session.put("exception", e);
            Object location = session.get(".location");
            if (location == null || !location.toString().contains(":")) {
                location = "gogo";
            }
            out.println(location + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.flush();
        return true;
    }

    private record Line(String text, boolean last) {
    }

    /** One line in UTF-8, without its end; {@code last} at the end of input (EOF or EOT). */
    private static Line readLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(80);
        while (true) {
            int c = in.read(); // byte by byte: a command that reads its input gets what follows the line
            switch (c) {
                case -1, 4 -> {
                    return new Line(bytes.toString(StandardCharsets.UTF_8), true);
                }
                case '\n' -> {
                    return new Line(bytes.toString(StandardCharsets.UTF_8), false);
                }
                case '\r' -> {
                }
                default -> bytes.write(c);
            }
        }
    }

    private static String prompt(CommandSession session, PrintStream out) {
        Object prompt = session.get("prompt");
        if (prompt instanceof Function function) {
            try {
                prompt = function.execute(session, null);
            } catch (Exception e) {
                out.println(prompt + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                prompt = null;
            }
        }
        return prompt == null ? "g! " : prompt.toString();
    }
}
