package org.picogate.http.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Gives the JSON codec a fresh cache when a bundle is updated, unresolved or uninstalled, so that the codec never
 * keeps the classes (and class loader) of a bundle revision that is gone (see {@link JsonCodec}). Bundle events are
 * rare; a request between an event and the reset at worst uses the old cache once more.
 */
@Component(immediate = true, service = {})
public final class JsonCodecReset implements BundleListener {
    private final BundleContext context;

    @Activate
    public JsonCodecReset(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (forgetsClasses(event.getType())) {
            JsonCodec.forgetClasses();
        }
    }

    /** Whether after an event of this type some class loader may have gone for good. */
    static boolean forgetsClasses(int type) {
        return type == BundleEvent.UPDATED || type == BundleEvent.UNRESOLVED || type == BundleEvent.UNINSTALLED;
    }
}
