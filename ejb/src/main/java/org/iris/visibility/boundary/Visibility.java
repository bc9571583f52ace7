package org.iris.visibility.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyLookup;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.visibility.control.DirectorySearch;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.SearchScope;
import org.iris.visibility.control.SearchTerms;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.VisibilityRules.Verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may find whom (SPEC §3): the directory search, and the explanation of the rules for one pair
 * of users, so that an administrator can see why someone cannot find someone. Reads only, across
 * boundaries, so without a transaction.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Visibility {

    public static final int QUERY_MAX = 100;
    /** How deep a search pages: every region is read up to the page's end, so the end is bounded. */
    public static final int DEEPEST = 1_000;

    /** The rules' answers for two users, and how each is seen by the other. */
    public record Explanation(UUID from, UUID to, Verdict verdict) {
    }

    /**
     * A user found by search, with what the searcher may see of them: the email only of a colleague or
     * a contact. Whoever search finds outside the network may be invited from the result: the rules
     * that let one find someone always let one invite them.
     */
    public record Found(UUID id, String firstName, String lastName, String title, UUID companyId, String companyName,
                        Optional<String> email, boolean inNetwork) {
    }

    @Inject
    Parties parties;

    @Inject
    DirectorySearch search;

    @Inject
    CompanyLookup companies;

    /**
     * The rules for one pair, for a superadmin, or for a company admin when one of the two is a member
     * of their company and the other one is someone the admin may see (a colleague, someone they may
     * find by search, or in their network). To anyone else a pair that is none of their business does
     * not exist: an admin learns nothing of users hidden from them, across the China or HDS boundary
     * included.
     */
    public Explanation explain(Caller caller, UUID from, UUID to) {
        boolean superadmin = caller.holds(Roles.SUPERADMIN);
        if (!superadmin && !caller.holds(Roles.COMPANY_ADMIN)) {
            throw new Forbidden("Only a superadmin or a company administrator can see the visibility rules of two users.");
        }
        Located searcher = parties.find(from).orElseThrow(() -> new NotFound("user"));
        Located target = parties.find(to).orElseThrow(() -> new NotFound("user"));
        if (!superadmin && !(concerns(caller, searcher, target) || concerns(caller, target, searcher))) {
            throw new NotFound("user");
        }
        Verdict verdict = VisibilityRules.decide(searcher.party(), target.party(),
                parties.relation(searcher.party(), target.party()));
        return new Explanation(from, to, verdict);
    }

    /** Whether {@code member} is of the admin's company and the admin may see {@code other}. */
    private boolean concerns(Caller admin, Located member, Located other) {
        if (!admin.companyId().equals(member.party().companyId()) || member.party().standalone()) {
            return false;
        }
        if (admin.companyId().equals(other.party().companyId()) || admin.accountId().equals(other.account().id())) {
            return true;
        }
        Located self = parties.find(admin.accountId()).orElseThrow(() -> new NotFound("user"));
        return VisibilityRules.decide(self.party(), other.party(), parties.relation(self.party(), other.party())).find();
    }

    /**
     * Users whose first name, last name or email starts with the query (case and accents aside), among
     * those the caller may find, in the order of the word that matched; the email matches only for
     * colleagues and the network, who are shown it.
     */
    public List<Found> search(Caller caller, String query, Page page) {
        String normalized = query == null ? "" : SearchTerms.normalize(query);
        if (normalized.isEmpty() || normalized.length() > QUERY_MAX) {
            throw new InvalidRequest("q is the beginning of a name or an email, 1 to " + QUERY_MAX + " characters.",
                    List.of(new FieldError("q", "1 to " + QUERY_MAX + " characters")));
        }
        SearchScope scope = parties.scope(caller.accountId(), caller.companyId(), caller.region())
                .orElseThrow(() -> new NotFound("account"));
        if (page.offset() + page.limit() > DEEPEST) {
            throw new InvalidRequest("A search answers its first " + DEEPEST + " users; narrow the query to see others.",
                    List.of(new FieldError("offset", "offset + limit at most " + DEEPEST)));
        }
        List<DirectorySearch.Hit> hits = search.search(scope, normalized, page.offset(), page.limit()).stream()
                .skip(page.offset())
                .toList();
        // the company's name as company holds it now (a company lives in its members' region)
        Map<UUID, String> companyNames = new HashMap<>();
        hits.stream().collect(Collectors.groupingBy(DirectorySearch.Hit::region,
                        Collectors.mapping(DirectorySearch.Hit::companyId, Collectors.toSet())))
                .forEach((region, ids) -> companyNames.putAll(companies.names(region, ids)));
        return hits.stream()
                .map(hit -> new Found(hit.accountId(), hit.firstName(), hit.lastName(), hit.title(), hit.companyId(),
                        companyNames.get(hit.companyId()), scope.showsEmail(hit.companyId(), hit.accountId())
                        ? Optional.of(hit.email()) : Optional.empty(), scope.network().contains(hit.accountId())))
                .toList();
    }
}
