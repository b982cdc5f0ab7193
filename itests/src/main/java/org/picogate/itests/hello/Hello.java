package org.picogate.itests.hello;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.picogate.http.Handler;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.whiteboard.Route;

/**
 * The bundle the console tests upload: one route, {@code GET /hello}, whose greeting comes from the configuration
 * with PID {@code org.picogate.itests.hello}, which Metatype describes (hello-metatype.xml, added by hello.bnd), so
 * that the console's form can change it. A new configuration restarts the component (DS), which hot-swaps the
 * route.
 */
@Component(service = Handler.class, configurationPid = Hello.PID)
@Route("/hello")
public final class Hello implements Handler {

    static final String PID = "org.picogate.itests.hello";

    private final String greeting;

    @Activate
    public Hello(Map<String, Object> config) {
        Object greeting = config.get("greeting");
        this.greeting = greeting == null ? "Hello" : greeting.toString();
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        response.send(greeting + ", world");
    }
}
