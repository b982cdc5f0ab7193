package org.picogate.gateway.internal;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The gateway's Gogo console on standard input, in place of Gogo shell's own (which kept every command typed for
 * good: see {@link ConsoleLoop}). On when the framework property {@code picogate.console} is {@code stdin}
 * (gateway.bndrun, which also sets {@code gosh.args=--nointeractive}: Gogo shell's 'gosh --login' then starts no
 * console, runs no profile and leaves standard input alone). Its session first runs
 * the profile, as Gogo shell's login shell did ({@code etc/gosh_profile} or Gogo's: SCOPE, prompt, the context and
 * system commands, the welcome). At the end of input it stops the framework, as Gogo's login shell did.
 *
 * <p>Its thread is a plain daemon thread, like Gogo shell's, not a scheduler task: it spends its life in a blocking
 * read of the process's standard input, which nothing can interrupt. When the component stops first, the thread
 * ends at the next line or the end of input, without running it.
 */
@Component(immediate = true)
public final class StdinConsole {

    static final String ENABLE_PROPERTY = "picogate.console";

    private final BundleContext context;
    private final CommandSession session;
    private volatile boolean stopped;

    @Activate
    public StdinConsole(BundleContext context, @Reference CommandProcessor processor) {
        this.context = context;
        if (!"stdin".equals(context.getProperty(ENABLE_PROPERTY))) {
            session = null;
            return;
        }
        session = processor.createSession(new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
        Thread thread = new Thread(this::run, "Gogo console");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        if (session != null) {
            session.close();
        }
    }

    /**
     * The profile Gogo shell 1.1.4's login shell runs: {@code etc/gosh_profile} under {@code gosh.home} (or the
     * working directory), else Gogo shell's own ({@code /ext/gosh_profile}, then {@code /gosh_profile}).
     */
    private URI profile() {
        String home = context.getProperty("gosh.home");
        File file = new File(home != null ? home : System.getProperty("user.dir"), "etc/gosh_profile");
        if (file.exists()) {
            return file.toURI();
        }
        for (Bundle bundle : context.getBundles()) {
            if ("org.apache.felix.gogo.shell".equals(bundle.getSymbolicName())) {
                URL url = bundle.getResource("/ext/gosh_profile");
                if (url == null) {
                    url = bundle.getResource("/gosh_profile");
                }
                try {
                    return url == null ? null : url.toURI();
                } catch (URISyntaxException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private void run() {
        PrintStream out = session.getConsole();
        // Gogo shell registers its commands when the command processor appears: wait for them as it does itself
        for (int i = 0; i < 200 && session.get("gogo:source") == null && !stopped; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
        // what 'gosh --login' does before its console: the profile, in this session
        session.put(".gosh_login", Boolean.TRUE);
        session.put(".gosh_interactive", Boolean.TRUE);
        session.put(".gosh_quiet", Boolean.FALSE);
        URI profile = profile();
        if (profile != null) {
            ConsoleLoop.execute(session, "gogo:source '" + profile + "'", out);
        }
        boolean endOfInput;
        try {
            endOfInput = ConsoleLoop.run(session, session.getKeyboard(), out, () -> stopped);
        } catch (IOException e) {
            out.println("gosh: cannot read standard input: " + e);
            endOfInput = true;
        }
        if (endOfInput && !stopped) {
            out.println("gosh: stopping shell and framework");
            try {
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
            } catch (BundleException | IllegalStateException e) {
                out.println("gosh: could not stop the framework: " + e);
            }
        }
    }
}
