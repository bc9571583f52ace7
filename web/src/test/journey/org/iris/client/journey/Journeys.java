package org.iris.client.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.iris.client.ApiClient;
import org.iris.client.ApiException;
import org.iris.client.ApiResponse;
import org.iris.client.api.CompanyApi;
import org.iris.client.api.IdentityApi;
import org.iris.client.api.NetworkApi;
import org.iris.client.api.VisibilityApi;
import org.iris.client.model.Account;
import org.iris.client.model.AccountStatus;
import org.iris.client.model.Billing;
import org.iris.client.model.Company;
import org.iris.client.model.CompanyCreation;
import org.iris.client.model.CompanyInvitationRequest;
import org.iris.client.model.CompanyPatch;
import org.iris.client.model.Credentials;
import org.iris.client.model.Feature;
import org.iris.client.model.FoundUser;
import org.iris.client.model.InvitationAcceptance;
import org.iris.client.model.InvitationDirection;
import org.iris.client.model.InvitationStatus;
import org.iris.client.model.Language;
import org.iris.client.model.Licence;
import org.iris.client.model.LicenceRequest;
import org.iris.client.model.Member;
import org.iris.client.model.MemberPatch;
import org.iris.client.model.NetworkInvitation;
import org.iris.client.model.NetworkInvitationRequest;
import org.iris.client.model.Offer;
import org.iris.client.model.Presence;
import org.iris.client.model.PresenceChange;
import org.iris.client.model.PresenceStatus;
import org.iris.client.model.Problem;
import org.iris.client.model.ProfilePatch;
import org.iris.client.model.RefreshRequest;
import org.iris.client.model.Region;
import org.iris.client.model.RegistrationConfirmation;
import org.iris.client.model.RegistrationRequest;
import org.iris.client.model.Role;
import org.iris.client.model.Subscription;
import org.iris.client.model.SubscriptionCreation;
import org.iris.client.model.SubscriptionPatch;
import org.iris.client.model.SubscriptionStatus;
import org.iris.client.model.Tokens;
import org.iris.client.model.VisibilityMode;
import org.iris.it.ClientJourney;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new API user does with the client generated from {@code /openapi}: registers, logs in,
 * edits their profile, refreshes and logs out; a company is created, its administrator invited,
 * and the administrator manages it; two users meet in the directory and the network. Every call
 * and every value goes through the generated classes.
 */
public class Journeys implements ClientJourney {

    private static final String PASSWORD = "Quartz-Lantern-Orbit-42";

    private URI api;
    private String clientAddress;

    @Override
    public void run(URI api, String clientAddress, Function<String, String> pin, Function<String, String> invitation,
                    String superadmin) throws Exception {
        this.api = api;
        this.clientAddress = clientAddress;
        String ada = "ada." + UUID.randomUUID() + "@client.example.org";
        Account adaAccount = register(ada, pin);
        Tokens adaTokens = sessionJourney(ada, adaAccount);
        administrationJourney(superadmin, invitation, adaAccount);
        networkJourney(adaTokens, pin, adaAccount);
    }

    private Account register(String email, Function<String, String> pin) throws ApiException {
        IdentityApi anonymous = new IdentityApi(client(null));
        anonymous.requestRegistration(new RegistrationRequest().email(email).lang(Language.FR));
        ApiResponse<Account> created = anonymous.confirmRegistrationWithHttpInfo(new RegistrationConfirmation()
                .email(email).pin(pin.apply(email)).password(PASSWORD).firstName("Ada").lastName("Lovelace"));
        assertEquals(201, created.getStatusCode());
        assertTrue(created.getHeaders().get("location").get(0).endsWith("/api/v1/users/me"));
        Account account = created.getData();
        assertEquals(email, account.getEmail());
        assertEquals(Language.FR, account.getLanguage());
        assertEquals(Region.EMEA, account.getRegion());
        assertEquals(List.of(Role.USER), account.getRoles());
        return account;
    }

    /** registration, login, me, a merge patch that sets then removes the title, refresh, logout. */
    private Tokens sessionJourney(String email, Account registered) throws Exception {
        IdentityApi anonymous = new IdentityApi(client(null));
        ApiException wrong = assertThrows(ApiException.class,
                () -> anonymous.login(new Credentials().email(email).password("not-the-password-at-all")));
        assertEquals(401, wrong.getCode());
        assertEquals(401, problem(wrong).getStatus());

        Tokens tokens = anonymous.login(new Credentials().email(email).password(PASSWORD));
        assertEquals(Tokens.TokenTypeEnum.BEARER, tokens.getTokenType());
        long expiresIn = tokens.getExpiresIn();
        assertTrue(expiresIn > 0 && expiresIn <= 3600, "expiresIn " + expiresIn);

        IdentityApi me = new IdentityApi(client(tokens.getAccessToken()));
        Account account = me.getMe();
        UUID id = account.getId();
        assertEquals(registered.getId(), id);
        assertEquals(Offer.ESSENTIAL, account.getOffer());
        assertTrue(account.getFeatures().contains(Feature.MESSAGING));
        assertTrue(account.getFileSharingAllowed() != null && account.getNameEditAllowed() != null);

        assertEquals("Countess", me.updateMe(new ProfilePatch().title("Countess").language(Language.EN)).getTitle());
        Account untitled = me.updateMe(new ProfilePatch().title(null));
        assertNull(untitled.getTitle(), "a merge patch's null removes the title");
        assertEquals(Language.EN, untitled.getLanguage());
        assertEquals("Lovelace", untitled.getLastName());

        ApiException invalid = assertThrows(ApiException.class, () -> me.updateMe(new ProfilePatch().firstName("")));
        assertEquals(400, invalid.getCode());
        assertFalse(problem(invalid).getViolations().isEmpty());
        assertEquals("firstName", problem(invalid).getViolations().get(0).getField());

        Tokens refreshed = anonymous.refreshTokens(new RefreshRequest().refreshToken(tokens.getRefreshToken()));
        assertNotEquals(tokens.getRefreshToken(), refreshed.getRefreshToken());
        IdentityApi again = new IdentityApi(client(refreshed.getAccessToken()));
        assertEquals(id, again.getMe().getId());

        again.logout(new RefreshRequest().refreshToken(refreshed.getRefreshToken()));
        ApiException revoked = assertThrows(ApiException.class, again::getMe);
        assertEquals(401, revoked.getCode());
        ApiException ended = assertThrows(ApiException.class,
                () -> anonymous.refreshTokens(new RefreshRequest().refreshToken(refreshed.getRefreshToken())));
        assertEquals(401, ended.getCode());
        return anonymous.login(new Credentials().email(email).password(PASSWORD));
    }

    /** a superadmin creates a company and invites its administrator, who runs it. */
    private void administrationJourney(String superadmin, Function<String, String> invitation, Account outsider)
            throws Exception {
        CompanyApi operator = new CompanyApi(client(superadmin));
        assertTrue(new CompanyApi(client(null)).getDefaultCompany().getDefaultCompany());

        ApiException blank = assertThrows(ApiException.class, () -> operator.createCompany(new CompanyCreation().name(" ")));
        assertEquals(400, blank.getCode());

        ApiResponse<Company> created = operator.createCompanyWithHttpInfo(new CompanyCreation()
                .name("Client Journey " + UUID.randomUUID()).region(Region.DE));
        assertEquals(201, created.getStatusCode());
        Company company = created.getData();
        assertTrue(created.getHeaders().get("location").get(0).endsWith("/companies/" + company.getId()));
        assertEquals(Region.DE, company.getRegion());
        assertTrue(company.getCreatedAt().isBefore(java.time.OffsetDateTime.now().plusMinutes(1)));

        String adminEmail = "grace." + UUID.randomUUID() + "@client.example.org";
        operator.inviteToCompany(company.getId(), new CompanyInvitationRequest().email(adminEmail)
                .roles(java.util.Set.of(Role.COMPANY_ADMIN)));
        Account admin = operator.acceptCompanyInvitation(new InvitationAcceptance().token(invitation.apply(adminEmail))
                .password(PASSWORD).firstName("Grace").lastName("Hopper"));
        assertEquals(company.getId(), admin.getCompanyId());
        assertEquals(Region.DE, admin.getRegion());

        Tokens adminTokens = new IdentityApi(client(null)).login(new Credentials().email(adminEmail).password(PASSWORD));
        CompanyApi companyAdmin = new CompanyApi(client(adminTokens.getAccessToken()));
        Company described = companyAdmin.updateCompany(company.getId(), new CompanyPatch().description("Compilers")
                .visibility(VisibilityMode.PUBLIC));
        assertEquals("Compilers", described.getDescription());
        assertEquals(VisibilityMode.PUBLIC, described.getVisibility());
        assertNull(companyAdmin.updateCompany(company.getId(), new CompanyPatch().description(null)).getDescription());

        Subscription subscription = companyAdmin.createSubscription(company.getId(),
                new SubscriptionCreation().offer(Offer.BUSINESS).billing(Billing.MONTHLY).seats(5));
        long allocated = subscription.getAllocated();
        assertEquals(0L, allocated);
        List<Member> members = companyAdmin.listMembers(company.getId(), 0, 50);
        assertEquals(1, members.size());
        Member member = members.get(0);
        assertEquals(AccountStatus.ACTIVE, member.getStatus());
        Licence licence = companyAdmin.allocateLicence(company.getId(), member.getId(),
                new LicenceRequest().subscriptionId(subscription.getId()));
        assertEquals(Offer.BUSINESS, licence.getOffer());
        assertEquals(Offer.BUSINESS, companyAdmin.getMember(company.getId(), member.getId()).getLicence());
        Member hidden = companyAdmin.updateMember(company.getId(), member.getId(),
                new MemberPatch().visibility(VisibilityMode.PRIVATE));
        assertEquals(VisibilityMode.PRIVATE, hidden.getVisibility());
        assertNull(companyAdmin.updateMember(company.getId(), member.getId(), new MemberPatch().visibility(null))
                .getVisibility(), "null gives the member the company's mode again");
        ApiException notTheirs = assertThrows(ApiException.class, () -> companyAdmin.updateSubscription(company.getId(),
                subscription.getId(), new SubscriptionPatch().seats(10)));
        assertEquals(403, problem(notTheirs).getStatus(), "a company admin does not resize what the company pays");
        ApiException none = assertThrows(ApiException.class, () -> operator.updateSubscription(company.getId(),
                subscription.getId(), new SubscriptionPatch().seats(0)));
        assertEquals("seats", problem(none).getViolations().get(0).getField());
        Subscription canceled = operator.updateSubscription(company.getId(), subscription.getId(),
                new SubscriptionPatch().status(SubscriptionPatch.StatusEnum.CANCELED));
        assertEquals(SubscriptionStatus.CANCELED, canceled.getStatus());
        assertNull(companyAdmin.getMember(company.getId(), member.getId()).getLicence(), "canceling releases every licence");

        ApiException other = assertThrows(ApiException.class, () -> companyAdmin.getCompany(outsider.getCompanyId()));
        assertTrue(other.getCode() == 403 || other.getCode() == 404, "another company: " + other.getCode());
    }

    /** a second user finds the first in the directory, invites them by id; the invitation is accepted. */
    private void networkJourney(Tokens adaTokens, Function<String, String> pin, Account ada) throws Exception {
        String alan = "ada.turing." + UUID.randomUUID() + "@client.example.org";
        register(alan, pin);
        Tokens alanTokens = new IdentityApi(client(null)).login(new Credentials().email(alan).password(PASSWORD));
        List<FoundUser> found = new VisibilityApi(client(alanTokens.getAccessToken())).searchDirectory("Ada Lov", 0, 20);
        for (FoundUser user : found) {
            assertNull(user.getEmail(), "the email only of a colleague or a contact: " + user.getId());
        }

        NetworkApi alanNetwork = new NetworkApi(client(alanTokens.getAccessToken()));
        ApiResponse<NetworkInvitation> byEmail = alanNetwork.inviteToNetworkWithHttpInfo(
                new NetworkInvitationRequest().email(ada.getEmail()).lang(Language.EN));
        assertEquals(202, byEmail.getStatusCode());
        assertEquals(InvitationStatus.PENDING, byEmail.getData().getStatus());
        assertEquals(InvitationDirection.SENT, byEmail.getData().getDirection());
        assertNull(byEmail.getData().getOther().getId(), "the inviter learns nothing of who the email is");

        NetworkApi adaNetwork = new NetworkApi(client(adaTokens.getAccessToken()));
        NetworkInvitation received = awaitReceived(adaNetwork);
        assertEquals(InvitationStatus.ACCEPTED, adaNetwork.acceptNetworkInvitation(received.getId()).getStatus());
        assertEquals(1, adaNetwork.listContacts().size());
        Presence presence = adaNetwork.setMyPresence(new PresenceChange().presence(PresenceStatus.BUSY));
        assertEquals(PresenceStatus.BUSY, presence.getPresence());
        assertEquals(PresenceStatus.BUSY, alanNetwork.getPresence(ada.getId().toString()).getPresence());
    }

    private static NetworkInvitation awaitReceived(NetworkApi network) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<NetworkInvitation> received = network.listNetworkInvitations(InvitationDirection.RECEIVED, 0, 50);
            if (!received.isEmpty()) {
                return received.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The invitation by email was not delivered");
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", clientAddress);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        return client;
    }

    private static Problem problem(ApiException e) throws JsonProcessingException {
        return new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
