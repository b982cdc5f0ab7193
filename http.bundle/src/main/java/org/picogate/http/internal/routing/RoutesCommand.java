package org.picogate.http.internal.routing;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code picogate:routes}: the routes the HTTP server serves, and the ones it could not. */
@Component(service = RoutesCommand.class,
        property = { "osgi.command.scope=picogate", "osgi.command.function=routes" })
public final class RoutesCommand {
    private static final String ROUTE_ROW = "%-32s %-7s %7s %7s  %-28s %s%n";
    private static final String FAILURE_ROW = "%7s  %-28s %-32s %s%n";

    private final RouteWhiteboard whiteboard;

    @Activate
    public RoutesCommand(@Reference RouteWhiteboard whiteboard) {
        this.whiteboard = whiteboard;
    }

    @Descriptor("lists the HTTP routes (pattern, method, providing service, its ranking and bundle, and whether it "
            + "is served, shadowed by a higher-ranked provider, or vacant while waiting for a replacement), then "
            + "the routes that could not be served and why; '*' is the fallback handler, '~' marks a regex")
    public String routes() {
        Routing routing = whiteboard.routing();
        return render(routing.routes(), routing.failures());
    }

    static String render(List<RouteView> routes, List<RouteFailure> failures) {
        StringBuilder out = new StringBuilder();
        if (!routes.isEmpty()) {
            out.append(String.format(ROUTE_ROW, "ROUTE", "METHOD", "SERVICE", "RANKING", "BUNDLE", "STATE"));
            for (RouteView r : routes) {
                out.append(String.format(ROUTE_ROW, r.pattern(), r.method(),
                        r.serviceId() < 0 ? "-" : Long.toString(r.serviceId()), r.ranking(), r.bundle(), r.state()));
            }
        }
        if (!failures.isEmpty()) {
            out.append("FAILED\n");
            out.append(String.format(FAILURE_ROW, "SERVICE", "BUNDLE", "ROUTE", "REASON"));
            for (RouteFailure f : failures) {
                out.append(String.format(FAILURE_ROW, f.serviceId(), f.bundle(), f.route(), f.reason()));
            }
        }
        out.append(routes.size()).append(" route(s), ").append(failures.size()).append(" failure(s)");
        return out.toString();
    }
}
