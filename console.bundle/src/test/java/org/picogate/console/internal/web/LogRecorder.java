package org.picogate.console.internal.web;

import java.lang.reflect.Proxy;
import java.util.List;

import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps each line, its {@code {}} placeholders filled in, for tests. */
final class LogRecorder {

    private LogRecorder() {
    }

    static Logger logger(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(LogRecorder.class.getClassLoader(), new Class<?>[] { Logger.class },
                (proxy, m, args) -> {
                    if (m.getName().equals("getName")) {
                        return "test";
                    }
                    if (m.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String format) {
                        String line = format;
                        for (int i = 1; i < args.length; i++) {
                            Object arg = args[i];
                            if (arg instanceof Object[] many) {
                                for (Object a : many) {
                                    line = line.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(
                                            String.valueOf(a)));
                                }
                            } else {
                                line = line.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(
                                        String.valueOf(arg)));
                            }
                        }
                        synchronized (lines) {
                            lines.add(m.getName() + " " + line);
                        }
                    }
                    return null;
                });
    }
}
