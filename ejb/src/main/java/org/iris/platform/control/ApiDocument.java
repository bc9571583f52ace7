package org.iris.platform.control;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last word on the OpenAPI document before Payara serves it. Payara 6 adds a top-level
 * {@code endpoints} map of its own to every document (not an OpenAPI field, so validators refuse
 * it); it serializes only non-empty maps, so this empties it. The map is not in the MicroProfile
 * model, hence the reflection; if Payara drops the method one day, nothing else changes. It lives
 * in the ejb module, with the {@code mp.openapi.*} keys, because on Payara Server the EAR's
 * configuration is read from there.
 */
public class ApiDocument implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocument.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            Method endpoints = document.getClass().getMethod("setEndpoints", Map.class);
            endpoints.invoke(document, new TreeMap<String, Object>());
        } catch (NoSuchMethodException e) {
            // a Payara without the field: nothing to take out
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take Payara's endpoints map out of the OpenAPI document", e);
        }
    }
}
