package org.iris.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Refuses request bodies larger than {@code iris.api.max-body-bytes} (a file's upload:
 * {@code iris.files.max-bytes} and its framing) with 413, before anything
 * parses them: at once when the declared length is too large, and while reading when a body
 * without a declared length (chunked) grows past the limit. A JSON body that nests arrays and
 * objects deeper than {@value #MAX_DEPTH} levels is refused with 400 as it streams in: a parser
 * recursing into it would run out of stack (no Iris body nests more than a few levels).
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_DEPTH = JsonNesting.MAX_DEPTH;

    @Inject
    @ConfigProperty(name = "iris.api.max-body-bytes", defaultValue = "65536")
    long limit;

    /** The largest file, of which an upload's body may be larger by its multipart framing. */
    @Inject
    @ConfigProperty(name = "iris.files.max-bytes", defaultValue = "104857600")
    long fileLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        long allowed = upload(request, type) ? fileLimit + FRAMING : limit;
        if (request.getLength() > allowed) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            boolean json = type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json");
            request.setEntityStream(new Bounded(request.getEntityStream(), allowed, json));
        }
    }

    /** What a multipart body may add to its file: boundaries and a part's headers. */
    static final long FRAMING = 64 * 1024;

    /** A file's upload: a multipart POST to a conversation's files. */
    private static boolean upload(ContainerRequestContext request, MediaType type) {
        return "POST".equals(request.getMethod()) && type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                && UPLOAD.matcher(request.getUriInfo().getPath()).matches();
    }

    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile("/?conversations/[^/]+/files/?");

    /** Closes the connection too: the client may still be sending a body nobody will read. */
    static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.status(413).header("Connection", "close").build());
    }

    /** A JSON body nested deeper than {@value #MAX_DEPTH}: 400, with its reason. */
    static final class TooDeep extends WebApplicationException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super("A JSON body nests arrays and objects " + MAX_DEPTH + " levels deep at most.", 400);
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long left;
        /** The nesting of a JSON body; none for other bodies. */
        private final JsonNesting nesting;

        Bounded(InputStream in, long limit, boolean json) {
            super(in);
            this.left = limit;
            this.nesting = json ? new JsonNesting() : null;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
                nest((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                for (int i = offset; i < offset + n; i++) {
                    nest(buffer[i]);
                }
            }
            return n;
        }

        private void nest(byte b) {
            if (nesting != null && nesting.tooDeep(b)) {
                throw new TooDeep();
            }
        }

        private void count(long n) {
            left -= n;
            if (left < 0) {
                throw tooLarge();
            }
        }
    }
}
