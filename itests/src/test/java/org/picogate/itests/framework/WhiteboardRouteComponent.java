package org.picogate.itests.framework;

import org.osgi.service.component.annotations.Component;
import org.picogate.http.Handler;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.whiteboard.Route;

/** A route made with one annotation (WhiteboardTest checks its service properties and its answer). */
@Component(service = Handler.class)
@Route(value = "/itest/annotated", methods = "GET")
public final class WhiteboardRouteComponent implements Handler {

    @Override
    public void handle(Request request, Response response) throws Exception {
        response.send("annotated");
    }
}
