package org.iris;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.Mailbox;
import org.iris.it.People;
import org.iris.it.Tenants;
import org.iris.it.Tenants.Person;
import org.iris.it.Tokens;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.iris.it.Problems.assertLikeUnknown;
import static org.iris.it.Problems.assertProblem;
import static org.iris.it.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Visibility, directory search, invitations, network and presence from outside (SPEC §3, §4): several
 * companies in different modes and regions, an organization, a "visibility by" pair, China and HDS.
 */
class NetworkIT extends WithPeople {

    /** A name no other test uses, so that a search for it finds only this test's people. */
    private static String tag() {
        StringBuilder letters = new StringBuilder("Tg");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append(Character.isDigit(c) ? (char) ('g' + c - '0') : c);
        }
        return letters.toString();
    }

    private String company(String name, String region, String visibility) {
        String id = tenants.company(name, region, region.equals("HDS") ? "\"hds\": true" : null);
        if (visibility != null) {
            expect(api.patch("companies/" + id, "{\"visibility\": \"" + visibility + "\"}", superadmin), 200);
        }
        return id;
    }

    private Set<String> search(Person searcher, String q) {
        JsonArray found = Api.array(expect(api.get(api.api("directory/users?limit=200&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)), searcher.token()), 200));
        return found.stream().map(JsonValue::asJsonObject).map(user -> user.getString("id")).collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonObject explain(Person from, Person to) {
        return Api.json(expect(api.get(api.api("visibility?from=" + from.id() + "&to=" + to.id()), superadmin), 200));
    }

    private HttpResponse<String> inviteById(Person from, Person to) {
        return api.postJson(api.api("invitations"), "{\"userId\": \"" + to.id() + "\"}", from.token());
    }

    /** An invitation by id of nobody: what a hidden user's must look like. */
    private HttpResponse<String> inviteNobody(Person from) {
        return api.postJson(api.api("invitations"), "{\"userId\": \"" + java.util.UUID.randomUUID() + "\"}", from.token());
    }

    private HttpResponse<String> inviteByEmail(Person from, String email) {
        return api.postJson(api.api("invitations"), "{\"email\": \"" + email + "\"}", from.token());
    }

    private HttpResponse<String> decide(Person who, String invitation, String decision) {
        return api.postJson(api.api("invitations/" + invitation + "/" + decision), "", who.token());
    }

    private Set<String> network(Person of) {
        return Api.array(expect(api.get(api.api("network"), of.token()), 200)).stream()
                .map(JsonValue::asJsonObject).map(contact -> contact.getString("id")).collect(Collectors.toSet());
    }

    private static Set<String> ids(Person... people) {
        return java.util.Arrays.stream(people).map(Person::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void searchFindsWhomTheRulesLetEachSearcherFindAndAgreesWithTheExplanation() {
        String tag = tag();
        String publicCo = company("Open", "EMEA", null);
        String privateCo = company("Discreet", "DE", "private");
        String closedCo = company("Shut", "NA", "closed");
        String isolatedCo = company("Alone", "EMEA", "isolated");
        String pairedCo = company("Partner", "APAC", null);
        String headquarters = company("Headquarters", "EMEA", "private");
        String branch = company("Branch", "DE", null);
        String otherBranch = company("Other branch", "NA", null);
        String closedInOrg = company("Workshop", "EMEA", null);
        String china = company("Beijing", "CN", null);
        String health = company("Clinic", "HDS", null);
        String organization = Tenants.createdId(api.postJson(api.api("organizations"), "{\"name\": \"Group " + tag + "\"}", superadmin));
        for (String member : List.of(headquarters, branch, otherBranch, closedInOrg)) {
            expect(api.put("organizations/" + organization + "/companies/" + member, "", superadmin), 200);
        }
        expect(api.patch("companies/" + branch, "{\"visibility\": \"organization\"}", superadmin), 200);
        expect(api.patch("companies/" + otherBranch, "{\"visibility\": \"organization\"}", superadmin), 200);
        expect(api.patch("companies/" + closedInOrg, "{\"visibility\": \"closed\"}", superadmin), 200);
        expect(api.put("companies/" + closedCo + "/visibility-by/" + pairedCo, "", superadmin), 204);

        Person open = tenants.person(publicCo, "EMEA", tag, "Open");
        Person colleague = tenants.person(publicCo, "EMEA", tag, "Colleague");
        Person hidden = tenants.person(publicCo, "EMEA", tag, "Hidden");
        expect(api.patch("companies/" + publicCo + "/members/" + hidden.id(), "{\"visibility\": \"private\"}", superadmin), 200);
        Person discreet = tenants.person(privateCo, "DE", tag, "Discreet");
        Person shown = tenants.person(privateCo, "DE", tag, "Shown");
        expect(api.patch("companies/" + privateCo + "/members/" + shown.id(), "{\"visibility\": \"public\"}", superadmin), 200);
        Person shut = tenants.person(closedCo, "NA", tag, "Shut");
        Person alone = tenants.person(isolatedCo, "EMEA", tag, "Alone");
        Person partner = tenants.person(pairedCo, "APAC", tag, "Partner");
        Person boss = tenants.person(headquarters, "EMEA", tag, "Boss");
        Person clerk = tenants.person(branch, "DE", tag, "Clerk");
        Person agent = tenants.person(otherBranch, "NA", tag, "Agent");
        Person smith = tenants.person(closedInOrg, "EMEA", tag, "Smith");
        Person wang = tenants.person(china, "CN", tag, "Wang");
        Person nurse = tenants.person(health, "HDS", tag, "Nurse");
        List<Person> everyone = List.of(open, colleague, hidden, discreet, shown, shut, alone, partner, boss, clerk, agent,
                smith, wang, nurse);

        // written out from SPEC §3, searcher by searcher
        Map<Person, Set<String>> expected = new LinkedHashMap<>();
        expected.put(open, ids(colleague, hidden, shown, partner));
        expected.put(hidden, ids(open, colleague, shown, partner));
        expected.put(discreet, ids(open, colleague, shown, partner));
        expected.put(shut, ids(partner));                       // closed: only its visibility-by pair
        expected.put(partner, ids(open, colleague, shown, shut)); // the pair sees the closed company
        expected.put(alone, ids());
        expected.put(boss, ids(open, colleague, shown, partner, clerk, agent, smith)); // HQ searches its branches
        expected.put(clerk, ids(open, colleague, shown, partner, agent, smith)); // not the private HQ
        expected.put(smith, ids(clerk, agent)); // public inside its organization, closed toward the outside
        expected.put(wang, ids());
        expected.put(nurse, ids());
        expected.forEach((searcher, ids) -> assertEquals(ids, search(searcher, tag), "found by the " + searcher));

        // and for every pair, search and the explanation agree
        for (Person searcher : everyone) {
            Set<String> found = search(searcher, tag);
            for (Person target : everyone) {
                if (target != searcher) {
                    boolean finds = explain(searcher, target).getJsonObject("find").getBoolean("allowed");
                    assertEquals(finds, found.contains(target.id()), searcher + " -> " + target);
                }
            }
        }
        JsonObject why = explain(clerk, boss);
        assertEquals("target-mode", why.getJsonObject("find").getString("rule"));
        assertEquals("by-email", why.getJsonObject("invite").getString("allowed"));
        assertEquals("private", why.getJsonObject("toSeenAs").getString("mode"));
        assertEquals("organization", explain(clerk, agent).getJsonObject("find").getString("rule"));
        assertEquals("isolated-boundary", explain(open, wang).getJsonObject("find").getString("rule"));
        assertEquals("visibility-by", explain(shut, partner).getJsonObject("invite").getString("rule"));

        // a mode change reaches the directory at once
        expect(api.patch("companies/" + publicCo, "{\"visibility\": \"closed\"}", superadmin), 200);
        assertEquals(ids(shown, partner), search(discreet, tag));
        assertEquals(ids(colleague, hidden), search(open, tag), "closed: colleagues only");
        expect(api.patch("companies/" + publicCo + "/members/" + open.id(), "{\"visibility\": \"public\"}", superadmin), 200);
        assertEquals(ids(open, shown, partner), search(discreet, tag));
    }

    @Test
    void searchMatchesNamesAndEmailByPrefixWhateverTheCaseAndAccents() {
        String tag = tag();
        String company = company("Accents", "DE", null);
        Person elodie = tenants.person(company, "DE", "Élodie " + tag, "Œhlenschläger");
        Person searcher = tenants.person(company, "DE", "Searcher", tag);
        assertEquals(ids(elodie), search(searcher, "elodie " + tag.toLowerCase()));
        assertEquals(ids(elodie), search(searcher, "ELODIE " + tag));
        assertTrue(search(searcher, "oehlenschlager " + "elodie " + tag).contains(elodie.id()));
        assertTrue(search(searcher, tag.toUpperCase()).containsAll(ids(elodie)), "a later word of a name");
        assertTrue(search(searcher, elodie.email().substring(0, 10).toUpperCase()).contains(elodie.id()), "the email");
        assertFalse(search(searcher, tag.substring(2)).contains(elodie.id()), "a prefix, not any part");
        assertFalse(search(searcher, "%" + tag).contains(elodie.id()), "wildcards are letters");
        JsonObject result = Api.array(expect(api.get(api.api("directory/users?q=" + tag), searcher.token()), 200)).getJsonObject(0);
        assertEquals(elodie.email(), result.getString("email"), "a colleague's email is shown");

        String stranger = company("Elsewhere", "NA", null);
        Person outsider = tenants.person(stranger, "NA", "Outsider", "Person");
        JsonObject seenFromOutside = Api.array(expect(api.get(api.api("directory/users?q=" + tag), outsider.token()), 200)).stream().map(JsonValue::asJsonObject)
                .filter(user -> user.getString("id").equals(elodie.id())).findFirst().orElseThrow();
        assertFalse(seenFromOutside.containsKey("email"), "a stranger's email is not shown: " + seenFromOutside);

        // paging
        Person second = tenants.person(company, "DE", tag, "Second");
        List<String> all = Api.array(expect(api.get(api.api("directory/users?q=" + tag), searcher.token()), 200))
                .stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(2, all.size());
        List<String> page2 = Api.array(expect(api.get(api.api("directory/users?limit=1&offset=1&q=" + tag), searcher.token()), 200)).stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(all.get(1)), page2);
        assertTrue(all.contains(second.id()));
    }

    @Test
    void invitationsFollowTheRules() throws Exception {
        String publicCo = company("Inviting", "EMEA", null);
        String privateCo = company("Private", "DE", "private");
        String closedCo = company("Closed", "NA", "closed");
        String isolatedCo = company("Isolated", "EMEA", "isolated");
        String china = company("Shanghai", "CN", null);
        Person anna = tenants.person(publicCo, "EMEA", "Anna", "Inviting");
        Person ben = tenants.person(publicCo, "EMEA", "Ben", "Colleague");
        Person carla = tenants.person(privateCo, "DE", "Carla", "Private");
        Person dan = tenants.person(closedCo, "NA", "Dan", "Closed");
        Person eve = tenants.person(isolatedCo, "EMEA", "Eve", "Isolated");
        Person li = tenants.person(china, "CN", "Li", "Shanghai");
        Person other = tenants.person(company("Public two", "NA", null), "NA", "Otto", "Public");

        // a colleague's invitation is accepted at once
        JsonObject colleague = Api.json(expect(inviteById(anna, ben), 201));
        assertEquals("auto-accepted", colleague.getString("status"));
        assertEquals(Set.of(ben.id()), network(anna));
        assertEquals(Set.of(anna.id()), network(ben));
        assertProblem(inviteById(anna, ben), 409);

        // another company's waits for the invitee
        JsonObject pending = Api.json(expect(inviteById(anna, other), 201));
        assertEquals("pending", pending.getString("status"));
        assertEquals("sent", pending.getString("direction"));
        assertProblem(inviteById(other, anna), 409);
        JsonArray received = Api.array(expect(api.get(api.api("invitations?direction=received"), other.token()), 200));
        assertEquals(pending.getString("id"), received.getJsonObject(0).getString("id"));
        assertEquals(anna.id(), received.getJsonObject(0).getJsonObject("other").getString("id"));
        assertProblem(decide(anna, pending.getString("id"), "accept"), 404); // the inviter does not accept
        assertProblem(decide(ben, pending.getString("id"), "decline"), 404); // nor does a stranger decline
        assertEquals("accepted", Api.json(expect(decide(other, pending.getString("id"), "accept"), 200)).getString("status"));
        assertProblem(decide(other, pending.getString("id"), "decline"), 409);
        assertEquals(Set.of(ben.id(), other.id()), network(anna));
        assertEquals(Set.of(anna.id()), network(other));
        assertEquals("accepted", Api.array(expect(api.get(api.api("invitations?direction=sent"), anna.token()), 200))
                .stream().map(JsonValue::asJsonObject).filter(i -> i.getString("id").equals(pending.getString("id")))
                .findFirst().orElseThrow().getString("status"));

        // a private user only by exact email; declined, which only the invitee's side says: to the
        // inviter, an invitation by email tells nothing of the invitee until accepted
        assertLikeUnknown(inviteById(anna, carla), inviteNobody(anna));
        JsonObject byEmail = Api.json(expect(inviteByEmail(anna, carla.email().toUpperCase()), 202));
        assertEquals("pending", byEmail.getString("status"));
        awaitReceived(carla, byEmail.getString("id"));
        assertEquals("declined", Api.json(expect(decide(carla, byEmail.getString("id"), "decline"), 200)).getString("status"));
        JsonObject asInviterSeesIt = Api.json(expect(api.get(api.api("invitations/" + byEmail.getString("id")), anna.token()), 200));
        assertEquals("pending", asInviterSeesIt.getString("status"));
        assertFalse(asInviterSeesIt.getJsonObject("other").containsKey("id"), asInviterSeesIt.toString());
        assertFalse(network(anna).contains(carla.id()));
        assertProblem(inviteByEmail(anna, carla.email()), 409); // to anna, it is still waiting

        // the inviter withdraws it and invites again; a canceled invitation can no longer be accepted
        assertEquals("canceled", Api.json(expect(decide(anna, byEmail.getString("id"), "cancel"), 200)).getString("status"));
        JsonObject toCancel = Api.json(expect(inviteByEmail(anna, carla.email()), 202));
        awaitReceived(carla, toCancel.getString("id"));
        assertEquals("canceled", Api.json(expect(decide(anna, toCancel.getString("id"), "cancel"), 200)).getString("status"));
        assertProblem(decide(carla, toCancel.getString("id"), "accept"), 409);
        assertEquals("canceled", Api.json(expect(api.get(api.api("invitations/" + toCancel.getString("id")), carla.token()), 200))
                .getString("status"));

        // a closed user invites by exact email only
        assertLikeUnknown(inviteById(dan, other), inviteNobody(dan));
        JsonObject fromClosed = Api.json(expect(inviteByEmail(dan, other.email()), 202));
        assertEquals("pending", awaitReceived(other, fromClosed.getString("id")).getString("status"));
        // an isolated user is invited by nobody and invites nobody; nobody invites across China. By
        // email, each is answered as any email is, and reaches nobody
        assertLikeUnknown(inviteById(eve, anna), inviteNobody(eve));
        assertProblem(inviteByEmail(eve, People.newEmail("nobody.example")), 403);
        assertLikeUnknown(inviteById(anna, li), inviteNobody(anna));
        List<String> unanswered = new java.util.ArrayList<>();
        unanswered.add(Api.json(expect(inviteByEmail(anna, eve.email()), 202)).getString("id"));
        unanswered.add(Api.json(expect(inviteByEmail(anna, li.email()), 202)).getString("id"));
        unanswered.add(Api.json(expect(inviteByEmail(li, anna.email()), 202)).getString("id"));
        for (String id : unanswered) {
            awaitDecided(id);
        }
        assertEquals(List.of(), received(eve));
        assertEquals(List.of(), received(li));
        assertFalse(received(anna).stream().map(v -> v.asJsonObject().getString("id")).anyMatch(unanswered::contains));
    }

    private JsonObject awaitReceived(Person invitee, String invitation) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            var found = received(invitee).stream().map(JsonValue::asJsonObject)
                    .filter(side -> side.getString("id").equals(invitation)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(Instant.now().isBefore(deadline), "invitation " + invitation + " did not reach " + invitee);
            pause();
        }
    }

    /** Waits until the invitation by email has been decided, in whichever region its inviter lives. */
    private static void awaitDecided(String invitation) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            boolean waiting = false;
            for (String region : Databases.REGIONS) {
                waiting |= Databases.column(region, "SELECT delivery FROM network_invitation WHERE id = CAST(? AS UUID)"
                        + " AND side = 'SENT'", invitation).contains("NEW");
            }
            if (!waiting) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "invitation " + invitation + " was not decided");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<JsonValue> received(Person person) {
        return Api.array(expect(api.get(api.api("invitations?direction=received"), person.token()), 200));
    }

    @Test
    void eachUsersHalfOfAContactStaysInTheirRegionAndRevokingEndsItForBoth() throws Exception {
        Person paris = tenants.person(company("Paris", "EMEA", null), "EMEA", "Paris", "User");
        Person berlin = tenants.person(company("Berlin", "DE", null), "DE", "Berlin", "User");
        String id = Api.json(expect(inviteById(paris, berlin), 201)).getString("id");
        assertEquals(List.of(paris.id()), Databases.column("emea", "SELECT CAST(owner_id AS VARCHAR) FROM network_invitation WHERE id = CAST(? AS UUID)", id));
        assertEquals(List.of(berlin.id()), Databases.column("de", "SELECT CAST(owner_id AS VARCHAR) FROM network_invitation WHERE id = CAST(? AS UUID)", id));
        expect(decide(berlin, id, "accept"), 200);
        assertEquals(List.of(berlin.id()), Databases.column("emea", "SELECT CAST(other_id AS VARCHAR) FROM contact WHERE owner_id = CAST(? AS UUID)", paris.id()));
        assertEquals(List.of(paris.id()), Databases.column("de", "SELECT CAST(other_id AS VARCHAR) FROM contact WHERE owner_id = CAST(? AS UUID)", berlin.id()));
        assertEquals(List.of(), Databases.column("emea", "SELECT CAST(owner_id AS VARCHAR) FROM contact WHERE owner_id = CAST(? AS UUID)", berlin.id()));

        // favorites are one's own
        expect(api.put("network/" + berlin.id() + "/favorite", "", paris.token()), 204);
        assertTrue(contact(paris, berlin).getBoolean("favorite"));
        assertFalse(contact(berlin, paris).getBoolean("favorite"));
        expect(api.delete("network/" + berlin.id() + "/favorite", paris.token()), 204);
        assertFalse(contact(paris, berlin).getBoolean("favorite"));
        Person stranger = tenants.person(company("Stranger", "NA", null), "NA", "Stranger", "User");
        assertProblem(api.put("network/" + stranger.id() + "/favorite", "", paris.token()), 404);

        assertProblem(api.delete("network/" + stranger.id(), paris.token()), 404);
        expect(api.delete("network/" + paris.id(), berlin.token()), 204);
        assertEquals(Set.of(), network(paris));
        assertEquals(Set.of(), network(berlin));
        assertProblem(api.delete("network/" + paris.id(), berlin.token()), 404);
        // they may meet again
        String again = Api.json(expect(inviteById(berlin, paris), 201)).getString("id");
        expect(decide(paris, again, "accept"), 200);
        assertEquals(Set.of(berlin.id()), network(paris));
    }

    private JsonObject contact(Person of, Person other) {
        return Api.array(expect(api.get(api.api("network"), of.token()), 200)).stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("id").equals(other.id())).findFirst().orElseThrow();
    }

    @Test
    void presenceIsShownOnlyInsideTheNetwork() {
        String company = company("Presence", "EMEA", null);
        Person ada = tenants.person(company, "EMEA", "Ada", "Present");
        Person bob = tenants.person(company("Presence two", "NA", null), "NA", "Bob", "Contact");
        Person colleague = tenants.person(company, "EMEA", "Cleo", "Colleague");
        expect(decide(bob, Api.json(expect(inviteById(ada, bob), 201)).getString("id"), "accept"), 200);

        assertEquals("offline", presence(ada, bob).getString("presence"));
        assertEquals("busy", Api.json(expect(api.put("users/me/presence", "{\"presence\": \"busy\"}", ada.token()), 200))
                .getString("presence"));
        assertEquals("busy", presence(bob, ada).getString("presence"));
        assertEquals("busy", presence(ada, ada).getString("presence"));

        HttpResponse<String> colleagueAsks = api.get(api.api("users/" + ada.id() + "/presence"), colleague.token());
        HttpResponse<String> unknown = api.get(api.api("users/" + UUID.randomUUID() + "/presence"), colleague.token());
        assertProblem(colleagueAsks, 404);
        assertEquals(Api.json(unknown).getString("detail"), Api.json(colleagueAsks).getString("detail"));

        assertProblem(api.put("users/me/presence", "{\"presence\": \"sleeping\"}", ada.token()), 400);
        assertProblem(api.put("users/me/presence", "{}", ada.token()), 400);
        assertProblem(api.put("users/me/presence", "[\"busy\"]", ada.token()), 400);
        assertProblem(api.put("users/" + bob.id() + "/presence", "{\"presence\": \"away\"}", ada.token()), 404);
        assertEquals("busy", presence(bob, ada).getString("presence"), "refused changes changed nothing");

        expect(api.delete("network/" + ada.id(), bob.token()), 204);
        assertProblem(api.get(api.api("users/" + ada.id() + "/presence"), bob.token()), 404);
    }

    private JsonObject presence(Person asking, Person of) {
        return Api.json(expect(api.get(api.api("users/" + of.id() + "/presence"), asking.token()), 200));
    }

    @Test
    void anInvitationByEmailWaitsForThePersonToRegister() {
        Person inviter = tenants.person(company("Recruiter", "DE", null), "DE", "Rita", "Recruiter");
        String email = People.newEmail("newcomer.example");
        JsonObject sent = Api.json(expect(api.postJson(api.api("invitations"), "{\"email\": \"" + email + "\", \"lang\": \"fr\"}",
                inviter.token()), 202));
        assertEquals("pending", sent.getString("status"));
        assertEquals(email, sent.getJsonObject("other").getString("email"));
        assertEquals("Rita Recruiter vous invite dans son réseau sur Iris", Mailbox.subject(Mailbox.await(email, 1)));

        // a standalone user, in the Default company; the registration PIN is their second mail
        expect(people.askPin(email, null), 202);
        JsonObject account = Api.json(expect(people.confirm(email, Mailbox.pin(email, 2), People.PASSWORD), 201));
        String token = people.tokens(email, People.PASSWORD).getString("accessToken");
        JsonArray received = Api.array(expect(api.get(api.api("invitations?direction=received"), token), 200));
        assertEquals(1, received.size());
        assertEquals(sent.getString("id"), received.getJsonObject(0).getString("id"));
        assertEquals(inviter.id(), received.getJsonObject(0).getJsonObject("other").getString("id"));
        expect(api.postJson(api.api("invitations/" + sent.getString("id") + "/accept"), "", token), 200);
        assertEquals(Set.of(account.getString("id")), network(inviter));
    }

    @Test
    void theExplanationIsForSuperadminsAndTheAdminsOfTheCompaniesConcerned() {
        String company = company("Explained", "EMEA", "private");
        Person member = tenants.person(company, "EMEA", "Mia", "Member");
        Person admin = tenants.person(company, "EMEA", "Adam", "Admin", "company_admin");
        Person outsider = tenants.person(company("Outside", "NA", null), "NA", "Oscar", "Outside");
        Person foreignAdmin = tenants.person(company("Foreign", "NA", null), "NA", "Fay", "Foreign", "company_admin");

        JsonObject why = Api.json(expect(api.get(api.api("visibility?from=" + outsider.id() + "&to=" + member.id()), admin.token()), 200));
        assertFalse(why.getJsonObject("find").getBoolean("allowed"));
        assertEquals("target-mode", why.getJsonObject("find").getString("rule"));
        assertEquals("private", why.getJsonObject("toSeenAs").getString("mode"));
        assertEquals("company", why.getJsonObject("toSeenAs").getString("source"));
        assertFalse(why.getJsonObject("presence").getBoolean("allowed"));

        assertProblem(api.get(api.api("visibility?from=" + outsider.id() + "&to=" + member.id()), member.token()), 403);
        HttpResponse<String> notTheirs = api.get(api.api("visibility?from=" + outsider.id() + "&to=" + member.id()), foreignAdmin.token());
        // the foreign admin's own company is not concerned (outsider is of another company)
        assertProblem(notTheirs, 404);
        assertProblem(api.get(api.api("visibility?from=" + UUID.randomUUID() + "&to=" + member.id()), superadmin), 404);
        assertProblem(api.get(api.api("visibility?from=nope&to=" + member.id()), superadmin), 400);
        assertProblem(api.get(api.api("visibility?to=" + member.id()), superadmin), 400);
    }

    @Test
    void malformedRequestsAreRefusedAndChangeNothing() throws Exception {
        Person someone = tenants.person(company("Careful", "EMEA", null), "EMEA", "Carl", "Careful");
        Person target = tenants.person(company("Target", "EMEA", null), "EMEA", "Tara", "Target");
        long before = Databases.counts("network_invitation", Databases.REGIONS).stream().mapToLong(Long::longValue).sum();
        for (String body : List.of("[]", "\"x\"", "{", "{}", "{\"userId\": \"" + target.id() + "\", \"email\": \"" + target.email() + "\"}",
                "{\"userId\": 42}", "{\"userId\": \"not-an-id\"}", "{\"email\": \"not an email\"}", "{\"email\": \"" + target.email()
                        + "\", \"lang\": \"xx\"}", "{\"userId\": \"" + target.id() + "\", \"admin\": true}")) {
            assertProblem(api.postJson(api.api("invitations"), body, someone.token()), 400);
        }
        assertProblem(inviteById(someone, someone), 400);
        assertProblem(api.postJson(api.api("invitations"), "{\"userId\": \"" + UUID.randomUUID() + "\"}", someone.token()), 404);
        assertProblem(api.postJson(api.api("invitations"), "{\"userId\": \"" + target.id() + "\"}", Tokens.forged()), 401);
        assertProblem(api.postJson(api.api("invitations"), "{\"userId\": \"" + target.id() + "\"}", null), 401);
        assertEquals(before, Databases.counts("network_invitation", Databases.REGIONS).stream().mapToLong(Long::longValue).sum());

        assertProblem(api.get(api.api("invitations"), someone.token()), 400);
        assertProblem(api.get(api.api("invitations?direction=both"), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users"), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users?q=%20%20"), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users?q=" + "a".repeat(101)), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users?q=a&limit=0"), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users?q=a"), Tokens.expired()), 401);
        assertProblem(api.postJson(api.api("invitations/" + UUID.randomUUID() + "/accept"), "", someone.token()), 404);
    }

    @Test
    void theRepairBringsTheHalvesOfACrossRegionContactBackInStep() throws Exception {
        Person lisbon = tenants.person(company("Lisbon", "EMEA", null), "EMEA", "Luis", "Lisbon");
        Person sydney = tenants.person(company("Sydney", "ANZ", null), "ANZ", "Sam", "Sydney");
        expect(decide(sydney, Api.json(expect(inviteById(lisbon, sydney), 201)).getString("id"), "accept"), 200);
        // as if the process died between the two commits of the acceptance: Sydney's half is missing
        Databases.update("anz", "DELETE FROM contact WHERE owner_id = CAST(? AS UUID)", sydney.id());
        Databases.update("emea", "UPDATE contact SET changed_at = changed_at - INTERVAL '2 minutes', since = since - INTERVAL '2 minutes'"
                + " WHERE owner_id = CAST(? AS UUID)", lisbon.id());
        assertEquals(Set.of(), network(sydney));
        awaitNetwork(sydney, Set.of(lisbon.id()));

        // as if it died between the two commits of a revocation: Lisbon's half still says active
        expect(api.delete("network/" + lisbon.id(), sydney.token()), 204);
        Databases.update("emea", "UPDATE contact SET status = 'ACTIVE' WHERE owner_id = CAST(? AS UUID)", lisbon.id());
        Databases.update("anz", "UPDATE contact SET changed_at = changed_at - INTERVAL '2 minutes' WHERE owner_id = CAST(? AS UUID)", sydney.id());
        Databases.update("emea", "UPDATE contact SET changed_at = changed_at - INTERVAL '3 minutes' WHERE owner_id = CAST(? AS UUID)", lisbon.id());
        awaitNetwork(lisbon, Set.of());
    }

    private void awaitNetwork(Person of, Set<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!network(of).equals(expected)) {
            assertTrue(Instant.now().isBefore(deadline), "the repair did not settle the network of " + of);
            Thread.sleep(500);
        }
    }
}
