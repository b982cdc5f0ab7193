package org.picogate.console.internal.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Makes a {@code passwordHash} for the console's configuration, outside OSGi:
 * {@code java -cp console.bundle.jar org.picogate.console.internal.security.PasswordTool}. It asks twice without
 * echo on a terminal, or reads one line from standard input (for scripts), and prints the hash alone on standard
 * output. The password is never an argument: arguments end up in shell histories and process lists.
 */
public final class PasswordTool {

    static final int MIN_LENGTH = 8;

    private PasswordTool() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (args.length == 2 && "--iterations".equals(args[0])) {
            iterations = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: java -cp <console bundle jar> " + PasswordTool.class.getName()
                    + " [--iterations N]   (reads the password from the terminal or standard input)");
            System.exit(2);
        }
        char[] password = read();
        try {
            System.out.println(hash(password, iterations, new SecureRandom(), System.err));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The hash line for {@code password}; the hint for the .config file goes to {@code hints}. */
    static String hash(char[] password, int iterations, SecureRandom random, PrintStream hints) {
        if (password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_LENGTH + " characters");
        }
        String hash = PasswordHash.create(password, iterations, random).format();
        hints.println("put it in deploy/org.picogate.console.config as: passwordHash=\"<the line below>\"");
        return hash;
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            // JDK 22+ may give a console on redirected input too: then there is no second line to confirm with
            char[] first = console.readPassword("console password: ");
            if (first == null) {
                return new char[0];
            }
            char[] second = console.readPassword("again: ");
            if (second != null && !Arrays.equals(first, second)) {
                System.err.println("the passwords differ");
                System.exit(1);
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
