package org.iris.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.company.control.CompanyLookup;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyInvitation;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.PinMails;
import org.iris.identity.control.PinRequests;
import org.iris.identity.control.Pins;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.PinChallenge;
import org.iris.mail.control.Outbox;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Directory;
import org.iris.identity.entity.AccountOpened;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Self-registration (SPEC §2): an email receives a PIN; the account exists once the PIN is confirmed
 * with a valid password. The user joins the company owning the email's domain, else the Default
 * company, and lives in that company's region; only the route is in {@code global}.
 *
 * <p>Whether an email already has an account is never told to the caller, by the answer or by its
 * time: its owner gets a mail saying so instead of a PIN, decided when the mail is sent.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Registrations {

    /** A PIN mail not sent by then is of no use: the PIN it would carry has expired. */
    static final Duration PIN_MAIL_VALIDITY = Duration.ofMinutes(PinChallenge.VALID_MINUTES);

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

    @Inject
    PinRequests pinRequests;


    @Inject
    PasswordHashes hashes;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    Boundaries boundaries;

    @Inject
    Directory directory;

    @Inject
    Event<AccountOpened> opened;

    @Inject
    Clock clock;

    /**
     * Asks for a registration PIN. The answer, and the work done before it, are the same whatever
     * exists: the mail is decided when it is sent ({@link PinMails}): a PIN, or to an email that
     * already has an account a mail saying so.
     */
    public void request(String rawEmail, String rawLanguage, String sourceAddress) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        Language language = Language.parse(rawLanguage, "lang");
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        var taken = pinRequests.admit(emailHash, PinChallenge.Purpose.REGISTRATION, sourceAddress, now);
        pinRequests.counted(taken, () -> {
            var region = managers.of(accounts.home(emailHash, email));
            transactions.run(() -> outbox.defer(region, email, PinMails.REGISTRATION, language, Map.of(), PIN_MAIL_VALIDITY));
        });
    }

    /**
     * Creates the account in its company's region, then routes it in {@code global}. Its language is
     * the one given here, else the one the PIN was asked in. The PIN is tried before anything costly:
     * the password is hashed only once the PIN is accepted.
     *
     * @throws org.iris.platform.control.InvalidRequest naming each broken password rule, or refusing the PIN
     */
    public Account confirm(String rawEmail, String pin, String password, String firstName, String lastName,
                           String rawLanguage, String sourceAddress) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        PersonName name = PersonName.of(firstName, lastName);
        Optional<Language> asked = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        String wellFormedPin = Pins.wellFormed(pin);
        PasswordPolicy.check(password, "password", List.of(email.value(), name.first(), name.last()));
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        var taken = pinRequests.admitTry(emailHash, PinChallenge.Purpose.REGISTRATION, sourceAddress, now);
        Optional<Account> created = pinRequests.counted(taken, () -> {
            Company company = companies.forEmailDomain(email.domain());
            var region = managers.of(company.region());
            return transactions.commit(() -> {
                Language language = asked.or(() -> pinRequests.language(region, emailHash, PinChallenge.Purpose.REGISTRATION))
                        .orElse(Language.DEFAULT);
                PinChallenge.Outcome tried = pinRequests.attempt(region, emailHash, PinChallenge.Purpose.REGISTRATION,
                        wellFormedPin, now);
                if (tried != PinChallenge.Outcome.ACCEPTED || accounts.route(emailHash).isPresent()) {
                    return Optional.<Account>empty();
                }
                Account account = Account.create(company, email, emailHash, name, language, hashes.hash(password), now);
                region.persist(account);
                directory.enter(region, account);
                return Optional.of(account);
            });
        });
        Account account = created.orElseThrow(Pins::refused);
        transactions.run(() -> {
            pinRequests.forgetTries(emailHash, PinChallenge.Purpose.REGISTRATION);
            accounts.record(account);
        });
        opened.fire(new AccountOpened(account));
        return account;
    }

    /**
     * Accepts an invitation to join a company (sent by {@code Members.invite}): creates the account in
     * that company, whatever its email's domain, with the invitation's roles, and routes it. The
     * invitation is spent; every other pending invitation of that email in the region goes with it.
     *
     * @throws InvalidRequest for a token that is unknown, spent or expired, all alike
     */
    public Account join(String token, String password, String firstName, String lastName, String rawLanguage) {
        PersonName name = PersonName.of(firstName, lastName);
        Optional<Language> asked = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        RegionalTokens.Parsed parsed = RegionalTokens.parse(token)
                .filter(candidate -> boundaries.serves(candidate.region()))
                .orElseThrow(Registrations::invitationRefused);
        var region = managers.of(parsed.region());
        Instant now = clock.instant();
        CompanyInvitation invitation = Optional.ofNullable(region.find(CompanyInvitation.class, parsed.hash()))
                .filter(candidate -> !candidate.expired(now))
                .orElseThrow(Registrations::invitationRefused);
        EmailAddress email = invitation.email();
        PasswordPolicy.check(password, "password", List.of(email.value(), name.first(), name.last()));
        String passwordHash = hashes.hash(password);
        if (accounts.route(invitation.emailHash()).isPresent()) {
            throw invitationRefused();
        }
        Company company = companies.find(invitation.companyId()).orElseThrow(Registrations::invitationRefused);
        Account account = Account.create(company, email, invitation.emailHash(), name,
                asked.orElse(invitation.language()), passwordHash, now, invitation.roles().toArray(String[]::new));
        transactions.commit(() -> {
            if (region.find(CompanyInvitation.class, parsed.hash(), LockModeType.PESSIMISTIC_WRITE) == null) {
                throw invitationRefused();
            }
            region.createQuery("DELETE FROM CompanyInvitation i WHERE i.emailHash = :email")
                    .setParameter("email", invitation.emailHash())
                    .executeUpdate();
            region.persist(account);
            directory.enter(region, account);
            return null;
        });
        transactions.commit(() -> {
            accounts.record(account);
            return null;
        });
        opened.fire(new AccountOpened(account));
        return account;
    }

    private static InvalidRequest invitationRefused() {
        return new InvalidRequest("The invitation is unknown, already used or expired; ask the company's administrator for a new one.",
                List.of(new FieldError("token", "unknown, used or expired")));
    }
}
