package org.picogate.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the web console, PID {@code org.picogate.console}. Without a password hash or token it is off. */
@ObjectClassDefinition(id = ConsoleConfig.PID, name = "Picogate web console",
        description = "The web console at /console: who may log in, from where, and its limits")
public @interface ConsoleConfig {

    String PID = "org.picogate.console";

    @AttributeDefinition(name = "Password hash", type = AttributeType.PASSWORD, description = "The login "
            + "password as pbkdf2-sha256:<iterations>:<salt>:<hash> (make one with the console bundle's "
            + "PasswordTool); empty: no password login")
    String passwordHash() default "";

    @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD, description = "A secret of at least 32 "
            + "characters that scripts send as Authorization: Bearer <token>; empty: none")
    String token() default "";

    @AttributeDefinition(name = "Allow remote", description = "Serve requests from other machines too; off, only "
            + "loopback addresses and loopback host names are answered (others get 404)")
    boolean allowRemote() default false;

    @AttributeDefinition(name = "Secure cookie", description = "Mark the session cookie Secure (sent over HTTPS "
            + "only): set it when the gateway serves HTTPS (tls of org.picogate.http)")
    boolean secureCookie() default false;

    @AttributeDefinition(name = "Upload limit (bytes)", min = "1", description = "Largest bundle upload (the "
            + "request body); larger: 413. The HTTP server's maxBody bounds it too")
    long maxUploadBytes() default 16_777_216L;

    @AttributeDefinition(name = "Session timeout (minutes)", min = "1", max = "10080", description = "A login "
            + "session ends after this long without a request")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Log entries", min = "1", max = "10000", description = "Recent log entries the "
            + "log page shows")
    int logEntries() default 200;
}
