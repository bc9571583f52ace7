package org.iris.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Serves the OpenAPI document's YAML as {@code application/yaml} (RFC 9512). Payara 6 writes YAML
 * only for {@code Accept: text/plain} and labels it so, and answers 406 to {@code application/yaml}:
 * its servlet runs inside the root web module, so this filter can ask it in its terms and relabel
 * the answer. JSON is left alone.
 */
@WebFilter("/openapi/*")
public class YamlMediaType extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String YAML = "application/yaml";
    private static final String PAYARA_YAML = "text/plain";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("yaml")) {
            chain.doFilter(request, wantsPlainText(accept) ? response : new Relabelled(response));
            return;
        }
        chain.doFilter(new AskingPlainText(request), new Relabelled(response));
    }

    /** Whether the caller named text/plain and not YAML: then the label stays what they asked for. */
    private static boolean wantsPlainText(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(PAYARA_YAML);
    }

    static String relabel(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(PAYARA_YAML)) {
            return YAML + contentType.substring(PAYARA_YAML.length());
        }
        return contentType;
    }

    private static final class AskingPlainText extends HttpServletRequestWrapper {

        AskingPlainText(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? PAYARA_YAML : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(PAYARA_YAML))
                    : super.getHeaders(name);
        }
    }

    private static final class Relabelled extends HttpServletResponseWrapper {

        Relabelled(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabel(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabel(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabel(value) : value);
        }
    }
}
