package org.picogate.itests.framework;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.picogate.http.ErrorHandler;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;
import org.picogate.http.whiteboard.Prefix;

/** Error pages made a DS component with one annotation (WhiteboardTest sees its page under its prefix only). */
@Component(service = ErrorHandler.class)
@Prefix("/itest/annotated-errors")
public final class WhiteboardErrorPagesComponent implements ErrorHandler {

    @Override
    public void handle(Request request, Response response, HttpException error) throws IOException {
        response.send("annotated error page " + error.status());
    }
}
