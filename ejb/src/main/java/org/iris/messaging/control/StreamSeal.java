package org.iris.messaging.control;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM of the JDK for file contents, streamed in segments of {@value #SEGMENT} bytes, each
 * sealed on its own (the STREAM construction): each file has a key of its own, so that the nonce
 * can be the segment's number (8 bytes, big-endian), then 1 for the last segment and 0 for the
 * others, then three zero bytes. The file's id is the associated data of every segment. Reordered,
 * dropped, truncated or appended segments, or a segment of another file, do not open.
 */
public final class StreamSeal {

    static final int SEGMENT = 64 * 1024;
    static final int TAG = Seal.TAG_BITS / 8;

    private StreamSeal() {
    }

    /** How many bytes the sealed form of {@code size} bytes takes. */
    public static long sealedSize(long size) {
        long segments = size == 0 ? 1 : (size + SEGMENT - 1) / SEGMENT;
        return size + segments * TAG;
    }

    /** Writes what is written to it sealed into {@code out}; closing it writes the last segment. */
    public static OutputStream sealing(SecretKey key, UUID fileId, OutputStream out) {
        return new Sealing(key, aad(fileId), out);
    }

    /** Reads the sealed stream, opened; an altered or cut stream fails with an {@link IOException}. */
    public static InputStream opening(SecretKey key, UUID fileId, InputStream in) {
        return new Opening(key, aad(fileId), in);
    }

    private static byte[] aad(UUID fileId) {
        return ("iris:file:" + fileId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nonce(long segment, boolean last) {
        return ByteBuffer.allocate(Seal.NONCE_BYTES).putLong(segment).put((byte) (last ? 1 : 0)).array();
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] aad, long segment, boolean last) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(Seal.TAG_BITS, nonce(segment, last)));
        cipher.updateAAD(aad);
        return cipher;
    }

    private static final class Sealing extends FilterOutputStream {
        private final SecretKey key;
        private final byte[] aad;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private long segment;
        private boolean closed;

        Sealing(SecretKey key, byte[] aad, OutputStream out) {
            super(out);
            this.key = key;
            this.aad = aad;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == SEGMENT) {
                    seal(false);
                }
                int n = Math.min(length, SEGMENT - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        /** A full buffer is sealed only once more bytes come, so that the last segment is known as last. */
        private void seal(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, aad, segment++, last).doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            seal(true);
            super.close();
        }
    }

    private static final class Opening extends InputStream {
        private final SecretKey key;
        private final byte[] aad;
        private final InputStream in;
        private final byte[] sealed = new byte[SEGMENT + TAG];
        private byte[] open = new byte[0];
        private int position;
        private long segment;
        private boolean done;
        private int ahead = -1;

        Opening(SecretKey key, byte[] aad, InputStream in) {
            this.key = key;
            this.aad = aad;
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == open.length) {
                if (done) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, open.length - position);
            System.arraycopy(open, position, bytes, offset, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int filled = 0;
            if (ahead >= 0) {
                sealed[filled++] = (byte) ahead;
                ahead = -1;
            }
            filled += in.readNBytes(sealed, filled, sealed.length - filled);
            boolean last = filled < sealed.length;
            if (!last) {
                ahead = in.read();
                last = ahead < 0;
            }
            if (filled < TAG) {
                throw new IOException("A sealed file is cut short");
            }
            try {
                open = cipher(Cipher.DECRYPT_MODE, key, aad, segment++, last).doFinal(sealed, 0, filled);
            } catch (AEADBadTagException e) {
                throw new IOException("A sealed file does not open: altered, cut or not this file's", e);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            position = 0;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Seals bytes in memory (for tests and small contents). */
    static byte[] sealAll(SecretKey key, UUID fileId, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = sealing(key, fileId, out)) {
            sealing.write(plain);
        }
        return out.toByteArray();
    }
}
