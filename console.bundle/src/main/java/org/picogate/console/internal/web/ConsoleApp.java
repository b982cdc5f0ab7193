package org.picogate.console.internal.web;

import java.util.function.LongSupplier;

import org.picogate.http.App;
import org.picogate.http.Routes;

/**
 * The console's routes, under {@code /console} (the service property {@code picogate.http.prefix}); each one
 * wrapped by the {@link Guard}: the login form and static files open (address check only), pages for a logged-in
 * caller, actions (POST) also with the session's CSRF token.
 */
public final class ConsoleApp implements App {

    private final Guard guard;
    private final LoginPages login;
    private final BundlePages bundles;
    private final ConfigPages config;
    private final StatusPages status;
    private final HttpPages http;
    private final StaticFiles statics;
    private final LongSupplier maxUpload;

    public ConsoleApp(Guard guard, LoginPages login, BundlePages bundles, ConfigPages config, StatusPages status,
            HttpPages http, StaticFiles statics, LongSupplier maxUpload) {
        this.guard = guard;
        this.login = login;
        this.bundles = bundles;
        this.config = config;
        this.status = status;
        this.http = http;
        this.statics = statics;
        this.maxUpload = maxUpload;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/login", guard.open(login::form))
                .post("/login", guard.openForm(login::login))
                .post("/logout", guard.action(login::logout))
                .get("/static/{name}", guard.open(statics::serve))
                .get("/", guard.page(bundles::list))
                .post("/bundles/upload", guard.action(bundles::upload, maxUpload))
                .post("/bundles/{id}/{action}", guard.action(bundles::act))
                .get("/routes", guard.page(http::routes))
                .get("/connections", guard.page(http::connections))
                .get("/tasks", guard.page(status::tasks))
                .get("/log", guard.page(status::log))
                .get("/config", guard.page(config::list))
                .get("/config/{pid}", guard.page(config::form))
                .post("/config/{pid}", guard.action(config::save));
    }
}
