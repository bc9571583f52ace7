package org.iris.it;

import java.net.URI;
import java.util.function.Function;

/**
 * A journey through Iris written against the Java client that openapi-generator makes of the live
 * OpenAPI document ({@code src/test/journey}): ApiClientIT generates the client, compiles the
 * journey with it and runs it through this interface, the journey's only tie to the tests.
 */
public interface ClientJourney {

    /**
     * @param api            the base of the API ({@code .../api/v1})
     * @param clientAddress  the source address its requests give (X-Forwarded-For), so that
     *                       Iris's per-address budgets count this journey alone
     * @param pin            the PIN of the latest mail to an address, once it has arrived
     * @param invitation     the company invitation token of the latest mail to an address
     * @param superadmin     a superadmin's access token
     */
    void run(URI api, String clientAddress, Function<String, String> pin, Function<String, String> invitation,
             String superadmin) throws Exception;
}
