package org.iris.visibility.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.residency.control.Boundaries;
import org.iris.platform.entity.Region;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The directory search itself: in every region of the scope, in parallel, one statement whose
 * branches are the scope's sets (users seen as public, colleagues, other whole companies, the
 * organization, the network),
 * each a range of an index read in word order and cut at the page's end; then the regions' answers
 * are merged in word order and each user kept once, at their first matching word.
 *
 * <p>Plain JDBC, read only: this is the one query of Iris that must stay fast at a million users.
 */
@ApplicationScoped
public class DirectorySearch {

    /** A user found, with the word that matched first, and what a search result shows of them. */
    public record Hit(UUID accountId, String word, String firstName, String lastName, String title, String email,
                      UUID companyId, Region region) {
    }

    /** The largest IN list in one branch; longer sets (a big network) take several branches. */
    private static final int IN_CHUNK = 500;

    /** Enough for the non-isolated regions of a few searches at once; more would only queue on the CPUs. */
    private static final int FAN_OUT_THREADS = 8;

    @Inject
    Boundaries boundaries;

    /**
     * The threads of the fan-out, which run plain JDBC and nothing else. Not the ManagedExecutorService:
     * Payara propagates the caller's component invocation to its tasks, and with it the entity managers
     * the caller opened outside a transaction, which both threads then close (payara/Payara#5386);
     * 6.2025.10 also has lock-ups with EclipseLink under managed tasks (payara/Payara#8219).
     */
    private ExecutorService fanOut;

    @PostConstruct
    void start() {
        AtomicInteger count = new AtomicInteger();
        fanOut = Executors.newFixedThreadPool(FAN_OUT_THREADS, task -> {
            Thread thread = new Thread(task, "iris-directory-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        fanOut.shutdownNow();
    }

    /**
     * @param query a query already {@link SearchTerms#normalize normalized}, not empty
     * @return at most {@code offset + limit} users in word order, before skipping {@code offset}
     */
    public List<Hit> search(SearchScope scope, String query, int offset, int limit) {
        int wanted = offset + limit;
        Prefix pattern = new Prefix(query, SearchTerms.upperBound(query), SearchTerms.prefixPattern(query));
        // a user may match with several words (rarely: the words of one user seldom share a prefix): ask
        // each branch for a few more rows than users wanted, and again for more when the page is not full
        for (int rows = wanted + wanted / 2 + 1; ; rows *= 4) {
            int perBranch = rows;
            List<Region> regions = new ArrayList<>(scope.regions());
            List<CompletableFuture<List<Hit>>> answers = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                Region region = regions.get(i);
                // resolved here: the parallel tasks touch nothing but JDBC (an EJB call from a task would
                // end this invocation's entity managers)
                DataSource database = boundaries.dataSource(region);
                answers.add(i == regions.size() - 1
                        ? CompletableFuture.completedFuture(search(database, region, scope, pattern, perBranch))
                        : CompletableFuture.supplyAsync(() -> search(database, region, scope, pattern, perBranch), fanOut));
            }
            List<Hit> all = new ArrayList<>();
            boolean more = false;
            for (CompletableFuture<List<Hit>> answer : answers) {
                List<Hit> hits = join(answer);
                // a region that filled its rows may hold more, even if some were the searcher or repeats
                more |= hits.size() >= perBranch;
                all.addAll(hits);
            }
            all.sort(Comparator.comparing(Hit::word).thenComparing(hit -> hit.accountId().toString()));
            Map<UUID, Hit> first = new LinkedHashMap<>();
            for (Hit hit : all) {
                if (!hit.accountId().equals(scope.searcher())) {
                    first.putIfAbsent(hit.accountId(), hit);
                }
            }
            if (first.size() >= wanted || !more) {
                return first.values().stream().limit(wanted).toList();
            }
        }
    }

    private static List<Hit> join(CompletableFuture<List<Hit>> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * A prefix as a range of words and as a LIKE pattern. The range is what lets PostgreSQL read an
     * index in order even with a generic plan: the JDBC driver prepares a statement on the server
     * after a few uses, and a generic plan cannot turn "LIKE $1" into a range.
     */
    private record Prefix(String from, String to, String like) {
    }

    private static List<Hit> search(DataSource database, Region region, SearchScope scope, Prefix pattern, int rows) {
        List<String> branches = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (scope.open()) {
            branch(branches, values, "findable", List.of(), pattern, rows);
        }
        scope.colleagues().ifPresent(company -> branch(branches, values, "company_id = ?", List.of(company), pattern, rows));
        chunked(branches, values, "company_id", scope.wholeCompanies(), pattern, rows, "NOT email_word");
        chunked(branches, values, "company_id", scope.organizationCompanies(), pattern, rows, "findable_in_organization");
        chunked(branches, values, "account_id", scope.network(), pattern, rows, null);
        if (branches.isEmpty()) {
            return List.of();
        }
        // what a result shows of this region's candidates (the directory's own copy) comes in the same statement
        String sql = "SELECT f.account_id, f.token, p.first_name, p.last_name, p.title, p.email, p.company_id"
                + " FROM (SELECT account_id, token FROM (" + String.join(" UNION ALL ", branches)
                + ") branches ORDER BY token, account_id LIMIT ?) f"
                + " JOIN directory_person p ON p.account_id = f.account_id";
        values.add(rows);
        List<Hit> hits = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    // text, not getObject(i, UUID.class): Payara's JDBC wrapper finds that method by reflection on every call
                    hits.add(new Hit(UUID.fromString(found.getString(1)), found.getString(2), found.getString(3),
                            found.getString(4), found.getString(5), found.getString(6), UUID.fromString(found.getString(7)),
                            region));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Directory search in region " + region + " failed", e);
        }
        return hits;
    }

    private static void chunked(List<String> branches, List<Object> values, String column, Collection<UUID> ids,
                                Prefix pattern, int rows, String flag) {
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String in = column + " IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            branch(branches, values, flag == null ? in : flag + " AND " + in, chunk, pattern, rows);
        }
    }

    private static void branch(List<String> branches, List<Object> values, String condition, List<UUID> ids,
                               Prefix pattern, int rows) {
        branches.add("(SELECT account_id, token FROM directory_entry WHERE " + condition
                + " AND token >= ? AND token < ? AND token LIKE ? ESCAPE '\\' ORDER BY token LIMIT ?)");
        values.addAll(ids);
        values.add(pattern.from());
        values.add(pattern.to());
        values.add(pattern.like());
        values.add(rows);
    }
}
