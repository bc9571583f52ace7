package org.iris.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.identity.control.AccountOpening;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.PinMails;
import org.iris.identity.control.PinRequests;
import org.iris.identity.control.Pins;
import org.iris.identity.control.Tenancy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Home;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.PinChallenge;
import org.iris.mail.control.Outbox;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

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
    Tenancy tenancy;

    @Inject
    AccountOpening opening;

    @Inject
    PinRequests pinRequests;

    @Inject
    PasswordHashes hashes;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

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
            Home home = tenancy.home(email);
            var region = managers.of(home.region());
            return transactions.commit(() -> {
                Language language = asked.or(() -> pinRequests.language(region, emailHash, PinChallenge.Purpose.REGISTRATION))
                        .orElse(Language.DEFAULT);
                PinChallenge.Outcome tried = pinRequests.attempt(region, emailHash, PinChallenge.Purpose.REGISTRATION,
                        wellFormedPin, now);
                if (tried != PinChallenge.Outcome.ACCEPTED || accounts.route(emailHash).isPresent()) {
                    return Optional.<Account>empty();
                }
                Account account = Account.create(home, email, emailHash, name, language, hashes.hash(password), now);
                opening.store(region, account);
                return Optional.of(account);
            });
        });
        Account account = created.orElseThrow(Pins::refused);
        transactions.run(() -> pinRequests.forgetTries(emailHash, PinChallenge.Purpose.REGISTRATION));
        opening.route(account);
        return account;
    }
}
