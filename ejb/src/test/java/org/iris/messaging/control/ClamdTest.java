package org.iris.messaging.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The INSTREAM client against the real clamd that scripts/test.sh starts on loopback
 * ({@code it.clamd.port}), with its local test signatures; and against no clamd, and a mute one.
 */
class ClamdTest {

    private static final int PORT = Integer.getInteger("it.clamd.port", 3310);
    /** The EICAR test file, assembled here so that this source is no test file itself. */
    private static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    private final Clamd clamd = new Clamd("127.0.0.1", PORT, Duration.ofSeconds(10));

    private static InputStream of(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] zipped(String name, byte[] content) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    /** A one-page PDF whose content stream holds the bytes, uncompressed. */
    private static byte[] pdf(byte[] content) {
        String stream = new String(content, StandardCharsets.ISO_8859_1);
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + content.length + " >>\nstream\n" + stream + "\nendstream\nendobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aCleanFileIsClean() throws Exception {
        assertTrue(clamd.alive(), "clamd answers on 127.0.0.1:" + PORT + " (scripts/test.sh starts it)");
        assertTrue(clamd.scan(of("Minutes of Monday's meeting\n".repeat(10_000).getBytes(StandardCharsets.UTF_8))).clean());
        assertTrue(clamd.scan(of(new byte[0])).clean());
    }

    @Test
    void eicarPlainZippedAndInAPdfIsFoundByName() throws Exception {
        for (byte[] infected : new byte[][] {EICAR, zipped("readme.txt", EICAR), pdf(EICAR)}) {
            Clamd.Verdict verdict = clamd.scan(of(infected));
            assertTrue(verdict.signature().isPresent(), "not found in " + new String(infected, 0, 8, StandardCharsets.ISO_8859_1));
            assertTrue(verdict.signature().get().contains("EICAR"), verdict.signature().get());
        }
    }

    /** Every sample of Debian's clamav-testfiles (the test signature in zip, 7z, cab, PDF, OLE, mail, packed PE...). */
    @Test
    void everyClamavTestFileIsFound() throws Exception {
        File[] samples = new File("/usr/share/clamav-testfiles").listFiles(File::isFile);
        assertTrue(samples != null && samples.length > 10, "clamav-testfiles is installed (scripts/clamd.sh)");
        for (File sample : samples) {
            try (InputStream in = new FileInputStream(sample)) {
                assertTrue(clamd.scan(in).signature().isPresent(), sample.getName());
            }
        }
    }

    @Test
    void noClamdIsNoVerdict() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        Clamd nobody = new Clamd("127.0.0.1", free, Duration.ofSeconds(2));
        assertThrows(Clamd.Unavailable.class, () -> nobody.scan(of(EICAR)));
        assertTrue(!nobody.alive());
    }

    @Test
    void aClamdThatNeverAnswersTimesOutAsNoVerdict() throws Exception {
        try (ServerSocket mute = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                try (Socket ignored = mute.accept()) {
                    Thread.sleep(5_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Clamd slow = new Clamd("127.0.0.1", mute.getLocalPort(), Duration.ofMillis(500));
            long started = System.nanoTime();
            assertThrows(Clamd.Unavailable.class, () -> slow.scan(of("hello".getBytes(StandardCharsets.US_ASCII))));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(4).toNanos(), "it gave up at its time-out");
        }
    }

    /** One that accepts and never reads: the upload stalls once the socket's buffers are full. */
    @Test
    void aClamdThatStopsReadingTimesOutToo() throws Exception {
        try (ServerSocket deaf = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                try (Socket ignored = deaf.accept()) {
                    Thread.sleep(20_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Clamd stalled = new Clamd("127.0.0.1", deaf.getLocalPort(), Duration.ofMillis(500));
            long started = System.nanoTime();
            assertThrows(Clamd.Unavailable.class, () -> stalled.scan(of(new byte[32 * 1024 * 1024])));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "it gave up at its time-out");
        }
    }

    @Test
    void onlyAClearAnswerIsAVerdict() throws Exception {
        assertTrue(Clamd.verdict("stream: OK").clean());
        assertEquals("Eicar-Signature", Clamd.verdict("stream: Eicar-Signature FOUND").signature().orElseThrow());
        for (String unclear : new String[] {"", "stream: OK FOUND?", "INSTREAM size limit exceeded. ERROR",
                "stream: Can't allocate memory ERROR", "PONG"}) {
            assertThrows(Clamd.Unavailable.class, () -> Clamd.verdict(unclear), unclear);
        }
    }

    @Test
    void okIsTheOnlyCleanAnswer() throws Exception {
        Clamd.Verdict ok = Clamd.verdict("stream: OK");
        assertTrue(ok.clean());
        assertFalse(ok.unscannable());
        for (String unclear : new String[] {"stream: ok", "OK", "stream: OK.", "stream:OK", "stream: OK ERROR"}) {
            assertThrows(Clamd.Unavailable.class, () -> Clamd.verdict(unclear), unclear);
        }
    }

    /**
     * What clamd answers, as scripts/clamd.sh configures it, for what it could not look into: seen with
     * clamd 1.4.6 but for the encrypted PDF, a name from its source.
     */
    @Test
    void encryptedOrPastItsLimitsIsUnscannableNeverClean() throws Exception {
        for (String name : new String[] {"Heuristics.Encrypted.Zip", "Heuristics.Encrypted.PDF",
                "Heuristics.Limits.Exceeded.MaxRecursion", "Heuristics.Limits.Exceeded.MaxFiles",
                "Heuristics.Limits.Exceeded.MaxScanSize"}) {
            Clamd.Verdict verdict = Clamd.verdict("stream: " + name + " FOUND");
            assertFalse(verdict.clean(), name);
            assertTrue(verdict.unscannable(), name);
            assertEquals(name, verdict.signature().orElseThrow());
        }
    }

    /** clamd's other heuristics find something: a detection like any signature, not a file it could not read. */
    @Test
    void otherHeuristicsAndSignaturesAreInfected() throws Exception {
        for (String name : new String[] {"Heuristics.Trojan.Swizzor.Gen", "Heuristics.Phishing.Email.SpoofedDomain",
                "Iris.Test.EICAR.UNOFFICIAL", "Win.Test.EICAR_HDB-1"}) {
            Clamd.Verdict verdict = Clamd.verdict("stream: " + name + " FOUND");
            assertFalse(verdict.clean(), name);
            assertFalse(verdict.unscannable(), name);
            assertEquals(name, verdict.signature().orElseThrow());
        }
    }

    /** 20 zips deep, past MaxRecursion (17): clamd stops looking, and says so rather than OK. */
    @Test
    void eicarNestedPastMaxRecursionIsUnscannable() throws Exception {
        byte[] nested = EICAR;
        for (int depth = 0; depth < 20; depth++) {
            nested = zipped("readme.txt", nested);
        }
        Clamd.Verdict verdict = clamd.scan(of(nested));
        assertFalse(verdict.clean());
        assertEquals("Heuristics.Limits.Exceeded.MaxRecursion", verdict.signature().orElseThrow());
        assertTrue(verdict.unscannable());
    }
}
