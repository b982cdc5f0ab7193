package org.picogate.console.internal.web;

import java.util.Map;
import java.util.function.LongSupplier;

import org.picogate.console.internal.bundles.BundleOperations;
import org.picogate.http.FilePart;
import org.picogate.http.HttpException;
import org.picogate.http.Request;
import org.picogate.http.Response;

/** The bundles page, its actions and the upload. */
public final class BundlePages {

    static final String BACK = Guard.BASE + "/";

    private final BundleOperations bundles;
    private final Pages pages;
    private final LongSupplier maxUpload;

    public BundlePages(BundleOperations bundles, Pages pages, LongSupplier maxUpload) {
        this.bundles = bundles;
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    public void list(Request request, Response response, Caller caller) throws Exception {
        pages.send(response, 200, "bundles.jte", Map.of("frame", Frame.of("Bundles", "bundles", caller),
                "bundles", bundles.list(), "maxUploadBytes", maxUpload.getAsLong()));
    }

    public void act(Request request, Response response, Caller caller) throws Exception {
        long id;
        try {
            id = Long.parseLong(request.param("id"));
        } catch (NumberFormatException e) {
            throw new HttpException(404, "Not Found: no such bundle");
        }
        try {
            Outcomes.done(response, caller, BACK, bundles.act(id, request.param("action"), caller.address()));
        } catch (ActionException e) {
            Outcomes.failed(response, caller, BACK, e);
        }
    }

    /** The form's {@code bundle} file: the Guard has checked Content-Length; a chunked body is checked here. */
    public void upload(Request request, Response response, Caller caller) throws Exception {
        try {
            FilePart file = request.form().file("bundle");
            if (file == null || file.size() == 0) {
                throw new ActionException(400, "no file: choose a bundle (.jar) to upload");
            }
            long max = maxUpload.getAsLong();
            if (file.size() > max) {
                throw new HttpException(413, "Content Too Large: the upload limit is " + max + " bytes");
            }
            Outcomes.done(response, caller, BACK, bundles.deploy(file, caller.address()));
        } catch (ActionException e) {
            Outcomes.failed(response, caller, BACK, e);
        }
    }
}
