package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PinChallenge;
import org.iris.identity.entity.PinChallenge.Purpose;
import org.iris.mail.control.DeferredMail;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The mails of a registration or a password reset, decided when they are sent rather than when they
 * were asked for, so that asking does the same work whatever exists: a registration PIN, or to an
 * email that already has an account a mail saying so; a reset PIN to an active account, and to any
 * other email nothing at all. The PIN is drawn now, its hash committed before the mail goes, and it
 * is never stored in clear; one is drawn even where none is mailed (it reaches nobody), so that a try
 * of a PIN meets a challenge, and costs the same, whatever exists.
 */
@ApplicationScoped
public class PinMails implements DeferredMail {

    public static final String REGISTRATION = "pin:registration";
    public static final String PASSWORD_RESET = "pin:password-reset";

    @Inject
    AccountRoutes accounts;

    @Inject
    Tenancy tenancy;

    @Inject
    Emails emails;

    @Inject
    PinRequests pinRequests;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Override
    public boolean handles(String kind) {
        return REGISTRATION.equals(kind) || PASSWORD_RESET.equals(kind);
    }

    @Override
    public Optional<Content> prepare(String kind, EmailAddress to, Language language, Map<String, Object> values) {
        String emailHash = emails.hash(to);
        Purpose purpose = REGISTRATION.equals(kind) ? Purpose.REGISTRATION : Purpose.PASSWORD_RESET;
        Optional<Account> account = accounts.find(emailHash);
        // a PIN is drawn and its hash stored whether or not it is mailed, where a try would look for
        // it, so that trying a PIN costs the same whatever exists
        var region = managers.of(purpose == Purpose.REGISTRATION
                ? tenancy.home(to).region()
                : account.map(Account::region).orElseGet(() -> accounts.home(emailHash, to)));
        Language pinLanguage = purpose == Purpose.PASSWORD_RESET ? account.map(Account::language).orElse(language) : language;
        String pin = transactions.commit(() -> pinRequests.issue(region, emailHash, purpose, pinLanguage, clock.instant()));
        if (purpose == Purpose.REGISTRATION) {
            return Optional.of(account.isPresent()
                    ? new Content("account-exists", language, Map.of("email", to.value()))
                    : new Content("registration-pin", language, Map.of("email", to.value(), "pin", pin,
                            "minutes", PinChallenge.VALID_MINUTES)));
        }
        return account.filter(found -> found.status() == Account.Status.ACTIVE)
                .map(found -> new Content("password-reset-pin", found.language(), Map.of("email", to.value(),
                        "firstName", found.name().first(), "pin", pin, "minutes", PinChallenge.VALID_MINUTES)));
    }
}
