package org.iris;

import static org.iris.it.Api.expect;
import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iris.it.Api;
import org.iris.it.BubbleClient;
import org.iris.it.Databases;
import org.iris.it.People;
import org.iris.it.Socket;
import org.iris.it.Tenants.Person;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;

/**
 * Files from outside (SPEC §6): scanned by the real clamd of scripts/test.sh before anything is kept,
 * sealed on disk and in the database, downloaded by participants only, deleted by their uploader,
 * refused where file sharing is forbidden, too large, malformed, infected or beyond what clamd can look into.
 */
class FilesIT extends WithPeople {

    /** The EICAR test file, assembled here so that this source is no test file itself. */
    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    static final Path BLOBS = Path.of(System.getProperty("it.data.dir", "target/it-data"), "files");

    /** Uploads the bytes as the part {@code file} of a multipart body. */
    static HttpResponse<String> upload(Api api, String token, String conversation, String name, String type, byte[] content) {
        String boundary = "iris-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nskipped\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(Api.request(api.api("conversations/" + conversation + "/files"), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<byte[]> download(String token, String conversation, String file) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(Api.request(api.api("conversations/" + conversation + "/files/" + file), token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String direct(Person from, Person to) {
        return Api.json(expect(api.postJson(api.api("conversations"), "{\"userId\": \"" + to.id() + "\"}", from.token()), 200))
                .getString("id");
    }

    private static long storedFiles(String conversation) throws Exception {
        return Long.parseLong(Databases.column("emea", "SELECT count(*) FROM conversation_file WHERE conversation_id = CAST(? AS UUID)",
                conversation).get(0));
    }

    /** Every file under the EMEA folder of the blob store, incoming ones included. */
    private static List<Path> blobs() throws IOException {
        Path emea = BLOBS.resolve("emea");
        if (!Files.isDirectory(emea)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(emea)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return HexFormat.of().formatHex(haystack).contains(HexFormat.of().formatHex(needle));
    }

    static byte[] zipped(byte[] content) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(content);
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    static byte[] pdf(byte[] content) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + content.length + " >>\nstream\n" + new String(content, StandardCharsets.ISO_8859_1)
                + "\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aCleanFileIsKeptSealedReachesTheOtherSideAndGoesWhenItsUploaderDeletesIt() throws Exception {
        String crew = tenants.company("Sharing", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "Uploader");
        Person ben = tenants.person(crew, "EMEA", "Ben", "Receiver");
        Person carl = tenants.person(tenants.company("Not sharing", "EMEA", null), "EMEA", "Carl", "Outsider");
        String c = direct(anna, ben);
        String marker = "quarterly-figures-" + UUID.randomUUID();
        byte[] content = ("Row " + marker + "\n").repeat(30_000).getBytes(StandardCharsets.UTF_8); // ~1.8 MB, 28 segments
        String name = "figures-" + marker + ".csv";

        try (Socket benSocket = Socket.connect(api, ben.token())) {
            JsonObject file = Api.json(expect(upload(api, anna.token(), c, name, "text/csv", content), 201));
            assertEquals(content.length, file.getJsonNumber("size").longValue());
            assertEquals("text/csv", file.getString("mediaType"));
            JsonObject pushed = benSocket.await("file").getJsonObject("file");
            assertEquals(file.getString("id"), pushed.getString("id"));
            assertEquals(name, pushed.getString("name"));
            String id = file.getString("id");

            HttpResponse<byte[]> got = download(ben.token(), c, id);
            assertEquals(200, got.statusCode());
            assertArrayEquals(content, got.body());
            assertEquals("application/octet-stream", got.headers().firstValue("Content-Type").orElse(""));
            assertTrue(got.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            assertEquals(List.of(id), Api.array(expect(api.get(api.api("conversations/" + c + "/files"), ben.token()), 200))
                    .stream().map(f -> f.asJsonObject().getString("id")).toList());

            // at rest: the blob and every column are sealed
            Path blob = BLOBS.resolve("emea").resolve(c).resolve(id);
            assertTrue(Files.isRegularFile(blob), blob.toString());
            byte[] onDisk = Files.readAllBytes(blob);
            assertFalse(contains(onDisk, marker.getBytes(StandardCharsets.UTF_8)), "the blob holds no plaintext");
            String row = String.join("|", Databases.column("emea", "SELECT encode(name, 'hex') || media_type || blob "
                    + "|| encode(file_key, 'hex') || scanner FROM conversation_file WHERE id = CAST(? AS UUID)", id));
            assertFalse(row.contains(HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8))) || row.contains(marker));

            // participants only; only the uploader deletes
            assertProblem(api.get(api.api("conversations/" + c + "/files"), carl.token()), 404);
            assertEquals(404, download(carl.token(), c, id).statusCode());
            assertProblem(api.delete("conversations/" + c + "/files/" + id, ben.token()), 403);
            expect(api.delete("conversations/" + c + "/files/" + id, anna.token()), 204);
            assertEquals(id, benSocket.await("file-deleted").getString("file"));
            assertFalse(Files.exists(blob));
            assertEquals(404, download(ben.token(), c, id).statusCode());
        }
    }

    @Test
    void infectedFilesAreRefusedByNameAndNothingIsKept() throws Exception {
        String crew = tenants.company("Careful", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Ann", "Careful");
        Person ben = tenants.person(crew, "EMEA", "Bert", "Careful");
        String c = direct(anna, ben);
        List<Path> before = blobs();
        for (byte[] infected : List.of(EICAR, zipped(EICAR), pdf(EICAR))) {
            JsonObject refused = assertProblem(upload(api, anna.token(), c, "invoice.pdf", "application/pdf", infected), 422);
            assertTrue(refused.getString("detail").contains("Iris.Test.EICAR"), refused.toString());
            assertTrue(refused.getString("type").endsWith("infected-file"), refused.toString());
        }
        assertEquals(0, storedFiles(c));
        assertEquals(before, blobs(), "no blob kept, none left incoming");
    }

    @Test
    void forbiddenSharingTooLargeAndMalformedUploadsAreRefused() throws Exception {
        String crew = tenants.company("Restricted", "EMEA", null);
        Person allowed = tenants.person(crew, "EMEA", "Alice", "Allowed");
        Person barred = tenants.person(crew, "EMEA", "Barry", "Barred");
        String c = direct(allowed, barred);
        String file = Api.json(expect(upload(api, allowed.token(), c, "plan.txt", "text/plain",
                "the plan".getBytes(StandardCharsets.UTF_8)), 201)).getString("id");

        expect(api.patch("companies/" + crew + "/members/" + barred.id(), "{\"fileSharingForbidden\": true}", superadmin), 200);
        JsonObject me = Api.json(expect(api.get(api.api("users/me"), barred.token()), 200));
        assertFalse(me.getBoolean("fileSharingAllowed"));
        assertFalse(me.getJsonArray("features").toString().contains("file_sharing"), "no upload action shown");
        assertProblem(upload(api, barred.token(), c, "leak.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8)), 403);
        assertEquals(403, download(barred.token(), c, file).statusCode());

        // the company forbids it for everyone
        expect(api.patch("companies/" + crew, "{\"fileSharingForbidden\": true}", superadmin), 200);
        assertProblem(upload(api, allowed.token(), c, "plan2.txt", "text/plain", "v2".getBytes(StandardCharsets.UTF_8)), 403);
        expect(api.patch("companies/" + crew, "{\"fileSharingForbidden\": false}", superadmin), 200);

        long stored = storedFiles(c);
        List<Path> before = blobs();
        assertProblem(upload(api, allowed.token(), c, "big.bin", "application/octet-stream", new byte[12 * 1024 * 1024 + 1]), 413);
        assertProblem(upload(api, allowed.token(), c, "../../etc/passwd", "text/plain", new byte[] {1}), 400);
        assertProblem(api.send(Api.request(api.api("conversations/" + c + "/files"), allowed.token())
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("x"))), 400);
        assertProblem(api.send(Api.request(api.api("conversations/" + c + "/files"), allowed.token())
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--zz--\r\n"))), 400);
        assertProblem(api.send(Api.request(api.api("conversations/" + c + "/files"), allowed.token())
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\ncut"))), 400);
        assertEquals(stored, storedFiles(c));
        assertEquals(before, blobs());
    }

    @Test
    void aGuestReceivesFilesInTheirBubbleButSharesNone() throws Exception {
        String crew = tenants.company("Guesting", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Gail", "Host");
        String b = new BubbleClient(api).create(owner, "With a guest");
        String email = People.newEmail("visitor.example");
        expect(new BubbleClient(api).addByEmail(owner.token(), b, email, "fr"), 202);
        String guest = Api.json(expect(new BubbleClient(api).openLink(BubbleClient.guestLink(email, 1)), 200)).getString("accessToken");
        String file = Api.json(expect(upload(api, owner.token(), b, "agenda.txt", "text/plain",
                "agenda".getBytes(StandardCharsets.UTF_8)), 201)).getString("id");
        HttpResponse<byte[]> got = download(guest, b, file);
        assertEquals(200, got.statusCode());
        assertEquals("agenda", new String(got.body(), StandardCharsets.UTF_8));
        assertProblem(upload(api, guest, b, "mine.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 403);
    }

    /** The content in a zip -P, by Debian's zip (scripts/clamd.sh installs it): java.util.zip cannot encrypt. */
    static byte[] encrypted(byte[] content) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("iris-zip");
        try {
            Files.write(folder.resolve("readme.txt"), content);
            Process zip = new ProcessBuilder("zip", "-q", "-P", "secret", "encrypted.zip", "readme.txt")
                    .directory(folder.toFile()).redirectErrorStream(true).start();
            String said = new String(zip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, zip.waitFor(), "zip -P: " + said);
            return Files.readAllBytes(folder.resolve("encrypted.zip"));
        } finally {
            Files.deleteIfExists(folder.resolve("readme.txt"));
            Files.deleteIfExists(folder.resolve("encrypted.zip"));
            Files.delete(folder);
        }
    }

    /** Uploads what clamd cannot look into: refused with the problem unscannable-file naming clamd's answer, nothing kept. */
    private void refusedAsUnscannable(byte[] content, String answer) throws Exception {
        String crew = tenants.company("Unscannable", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Una", "Sender");
        Person ben = tenants.person(crew, "EMEA", "Ugo", "Receiver");
        String c = direct(anna, ben);
        List<Path> before = blobs();
        JsonObject refused = assertProblem(upload(api, anna.token(), c, "archive.zip", "application/zip", content), 422);
        assertTrue(refused.getString("type").endsWith("unscannable-file"), refused.toString());
        assertTrue(refused.getString("detail").contains(answer), refused.toString());
        assertEquals(0, storedFiles(c));
        assertTrue(Api.array(expect(api.get(api.api("conversations/" + c + "/files"), ben.token()), 200)).isEmpty());
        assertEquals(before, blobs(), "no blob kept, none left incoming");
    }

    /** Without clamd's AlertEncrypted, "stream: OK", and Iris would have kept it. */
    @Test
    void anEicarInAPasswordProtectedZipIsRefusedAsUnscannableAndNothingIsKept() throws Exception {
        refusedAsUnscannable(encrypted(EICAR), "Heuristics.Encrypted.Zip");
    }

    /** 20 zips deep, past clamd's MaxRecursion (17 in scripts/clamd.sh); without AlertExceedsMax, "stream: OK". */
    @Test
    void anEicarNestedPastClamdsMaxRecursionIsRefusedAsUnscannableAndNothingIsKept() throws Exception {
        byte[] nested = EICAR;
        for (int depth = 0; depth < 20; depth++) {
            nested = zipped(nested);
        }
        refusedAsUnscannable(nested, "Heuristics.Limits.Exceeded.MaxRecursion");
    }

    @Test
    void anUploadPastTheCompanysQuotaIsRefusedAndTheQuotaIsShown() throws Exception {
        String crew = tenants.company("Hoarding", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "Hoarder");
        Person ben = tenants.person(crew, "EMEA", "Ben", "Hoarder");
        String c = direct(anna, ben);
        // 20 MiB for the company (it-postgres.properties): 12 MiB kept, 9 more would pass it, whoever uploads
        String first = Api.json(expect(upload(api, anna.token(), c, "big.bin", "application/octet-stream",
                new byte[12 * 1024 * 1024]), 201)).getString("id");
        JsonObject storage = Api.json(expect(api.get(api.api("users/me"), ben.token()), 200)).getJsonObject("storage");
        assertEquals(12L * 1024 * 1024, storage.getJsonNumber("usedBytes").longValue());
        assertEquals(20L * 1024 * 1024, storage.getJsonNumber("quotaBytes").longValue());
        List<Path> before = blobs();
        JsonObject full = assertProblem(upload(api, ben.token(), c, "more.bin", "application/octet-stream",
                new byte[9 * 1024 * 1024]), 413);
        assertTrue(full.getString("type").endsWith("storage-full"), full.toString());
        assertEquals(1, storedFiles(c));
        assertEquals(before, blobs(), "nothing kept of the refused upload");
        // another company is not held back
        Person carl = tenants.person(tenants.company("Sparse", "EMEA", null), "EMEA", "Carl", "Sparse");
        Person dora = tenants.person(tenants.company("Sparse too", "EMEA", null), "EMEA", "Dora", "Sparse");
        expect(upload(api, carl.token(), direct(carl, dora), "more.bin", "application/octet-stream", new byte[9 * 1024 * 1024]), 201);
        // deleting makes room again
        expect(api.delete("conversations/" + c + "/files/" + first, anna.token()), 204);
        assertEquals(0, Api.json(expect(api.get(api.api("users/me"), anna.token()), 200)).getJsonObject("storage")
                .getJsonNumber("usedBytes").longValue());
        expect(upload(api, ben.token(), c, "more.bin", "application/octet-stream", new byte[9 * 1024 * 1024]), 201);
    }

    @Test
    void oneAccountRunsTwoUploadsAtOnceAndNoMore() throws Exception {
        String crew = tenants.company("Parallel", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "Parallel");
        Person ben = tenants.person(crew, "EMEA", "Ben", "Parallel");
        String c = direct(anna, ben);
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                slow.add(slowUpload(anna.token(), c));
            }
            // both are running once a third is refused; a fourth of another account is not held back
            HttpResponse<String> third = api.eventually(() -> upload(api, anna.token(), c, "third.txt", "text/plain",
                    "third".getBytes(StandardCharsets.UTF_8)), response -> response.statusCode() == 429, Duration.ofSeconds(20));
            assertProblem(third, 429);
            assertTrue(third.headers().firstValue("Retry-After").isPresent(), third.headers().toString());
            expect(upload(api, ben.token(), c, "other.txt", "text/plain", "other".getBytes(StandardCharsets.UTF_8)), 201);
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
        // once they are cut off, their slots are free again
        api.eventually(() -> upload(api, anna.token(), c, "later.txt", "text/plain", "later".getBytes(StandardCharsets.UTF_8)),
                response -> response.statusCode() == 201, Duration.ofSeconds(20));
    }

    /** An upload that sends its headers and the beginning of its file, then waits: a slot held. */
    private java.net.Socket slowUpload(String token, String conversation) throws IOException {
        java.net.URI uri = api.api("conversations/" + conversation + "/files");
        String boundary = "iris-" + UUID.randomUUID();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort());
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nX-Forwarded-For: " + api.clientAddress() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + (part.length() + 8 * 1024 * 1024) + "\r\n\r\n" + part;
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(new byte[256 * 1024]);
        socket.getOutputStream().flush();
        return socket;
    }
}
