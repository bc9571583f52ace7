package org.iris.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.iris.platform.control.SigningKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /.well-known/jwks.json}: the public keys that verify Iris's access tokens, for API clients
 * and other services. A servlet, because the address is outside the API's {@code /api/v1}.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(keys.published().toString(true));
    }
}
