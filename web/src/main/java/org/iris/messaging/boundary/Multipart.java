package org.iris.messaging.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iris.platform.control.InvalidRequest;

/**
 * Reads the part named {@code file} of a {@code multipart/form-data} body as a stream, without
 * holding it in memory or on disk: the bytes come through as they arrive, up to the next boundary.
 * Parts before it are skipped; what follows it is not read.
 */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final int MAX_HEADERS = 8192;

    /** The file part: its name and type as the client gave them, and its content. */
    record Part(String filename, Optional<String> contentType, InputStream content) {
    }

    private Multipart() {
    }

    static Part file(String contentType, InputStream body) throws IOException {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !boundary.find()) {
            throw new InvalidRequest("Send the file as multipart/form-data with a boundary, in a part named file.");
        }
        String mark = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
        byte[] delimiter = ("\r\n--" + mark).getBytes(StandardCharsets.ISO_8859_1);
        Bounded in = new Bounded(body, delimiter);
        // the first boundary opens the body, without the line break before it
        in.unread("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        drain(in.part());
        while (true) {
            if (!in.nextPart()) {
                throw new InvalidRequest("The body has no part named file.");
            }
            String headers = headers(in);
            Matcher name = NAME.matcher(headers);
            if (name.find() && "file".equals(name.group(1))) {
                Matcher filename = FILENAME.matcher(headers);
                Optional<String> type = header(headers, "content-type");
                return new Part(filename.find() ? filename.group(1) : "", type, in.part());
            }
            drain(in.part());
        }
    }

    /** Reads and drops what is left of the part, {@code atMost} bytes at most; quietly, since an answer is on its way. */
    static void skipRest(InputStream part, long atMost) {
        byte[] skip = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total <= atMost && (n = part.read(skip)) >= 0) {
                total += n;
            }
        } catch (IOException | RuntimeException cut) {
            // the client went: nothing to hear the answer
        }
    }

    private static void drain(InputStream part) throws IOException {
        byte[] skip = new byte[8192];
        long total = 0;
        int n;
        while ((n = part.read(skip)) >= 0) {
            total += n;
            if (total > 1 << 16) {
                throw new InvalidRequest("Only the part named file is read; other parts hold at most 64 KiB.");
            }
        }
    }

    private static String headers(Bounded in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.raw();
            if (b < 0 || headers.size() > MAX_HEADERS) {
                throw new InvalidRequest("A part's headers end with an empty line, within 8 KiB.");
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return "\r\n" + headers.toString(StandardCharsets.UTF_8);
    }

    private static Optional<String> header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The body, read through a window long enough to see each delimiter whole. */
    private static final class Bounded {
        private final InputStream in;
        private final byte[] delimiter;
        private byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean eof;

        Bounded(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        void unread(byte[] bytes) {
            System.arraycopy(bytes, 0, buffer, 0, bytes.length);
            end = bytes.length;
        }

        /** Fills the window so that it holds at least {@code wanted} bytes, unless the body ends first. */
        private void fill(int wanted) throws IOException {
            if (end - start >= wanted || eof) {
                return;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (buffer.length < wanted) {
                buffer = Arrays.copyOf(buffer, wanted);
            }
            while (end < wanted && !eof) {
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
        }

        int raw() throws IOException {
            fill(1);
            return end > start ? buffer[start++] & 0xff : -1;
        }

        /** After a delimiter: whether another part follows ({@code \r\n}) or the body ends ({@code --}). */
        boolean nextPart() throws IOException {
            fill(2);
            if (end - start < 2) {
                return false;
            }
            boolean more = buffer[start] == '\r' && buffer[start + 1] == '\n';
            start += 2;
            return more;
        }

        /** The bytes up to the next delimiter, which is then consumed. */
        InputStream part() {
            return new InputStream() {
                private boolean done;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    if (done) {
                        return -1;
                    }
                    if (length == 0) {
                        return 0;
                    }
                    fill(Math.max(delimiter.length + 1, Math.min(buffer.length, delimiter.length + length)));
                    int found = indexOf(start, end);
                    if (found == start) {
                        start += delimiter.length;
                        done = true;
                        return -1;
                    }
                    int safe = found >= 0 ? found : end - delimiter.length + 1;
                    if (found < 0 && eof) {
                        throw new InvalidRequest("The body ends inside a part, without its closing boundary.");
                    }
                    int n = Math.min(length, safe - start);
                    System.arraycopy(buffer, start, bytes, offset, n);
                    start += n;
                    return n;
                }
            };
        }

        private int indexOf(int from, int to) {
            outer:
            for (int i = from; i <= to - delimiter.length; i++) {
                for (int j = 0; j < delimiter.length; j++) {
                    if (buffer[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
