package org.iris.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Directory search over HTTP against a running Iris holding generated users (scripts/bench-search.sh
 * loads 1,000,000 users in 10,000 companies): each call is one searcher (a random one of the sample,
 * with their own visibility: modes, organization, pairs, network) typing the beginning of a name.
 * Run with several threads; the sample mode gives p50/p99, the throughput mode queries per second.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DirectorySearchBenchmark {

    /** Iris's API root. */
    @Param("http://127.0.0.1:8484/api/v1/")
    public String api;

    /** The folder the script wrote keys.json, searchers.csv and queries.txt to. */
    @Param("target/bench")
    public String data;

    private HttpClient client;
    private List<String> tokens;
    private List<String> queries;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path folder = Path.of(data);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        tokens = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("searchers.csv"))) {
            String[] fields = line.split(",");
            if (fields.length == 3) {
                tokens.add(BenchKeys.token(folder.resolve("keys.json"), fields[0].strip(), fields[1].strip(), fields[2].strip()));
            }
        }
        queries = Files.readAllLines(folder.resolve("queries.txt")).stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
        if (tokens.isEmpty() || queries.isEmpty()) {
            throw new IllegalStateException("No searchers or queries under " + folder.toAbsolutePath());
        }
    }

    @Benchmark
    public int search() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String token = tokens.get(random.nextInt(tokens.size()));
        String query = queries.get(random.nextInt(queries.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "directory/users?limit=20&q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Search answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length();
    }
}
