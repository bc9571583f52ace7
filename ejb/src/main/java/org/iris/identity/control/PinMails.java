package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.EmailAddress;
import org.iris.identity.entity.Language;
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
 * is never stored in clear.
 */
@ApplicationScoped
public class PinMails implements DeferredMail {

    public static final String REGISTRATION = "pin:registration";
    public static final String PASSWORD_RESET = "pin:password-reset";

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

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
        if (REGISTRATION.equals(kind)) {
            if (accounts.route(emailHash).isPresent()) {
                return Optional.of(new Content("account-exists", language, Map.of("email", to.value())));
            }
            // where Registrations.confirm will look for it: the region an account of this email opens in
            var region = managers.of(companies.forEmailDomain(to.domain()).region());
            String pin = transactions.commit(() -> pinRequests.issue(region, emailHash, Purpose.REGISTRATION, language,
                    clock.instant()));
            return Optional.of(new Content("registration-pin", language, Map.of("email", to.value(), "pin", pin,
                    "minutes", PinChallenge.VALID_MINUTES)));
        }
        return accounts.find(emailHash)
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .map(account -> {
                    var region = managers.of(account.region());
                    String pin = transactions.commit(() -> pinRequests.issue(region, emailHash, Purpose.PASSWORD_RESET,
                            account.language(), clock.instant()));
                    return new Content("password-reset-pin", account.language(), Map.of("email", to.value(),
                            "firstName", account.name().first(), "pin", pin, "minutes", PinChallenge.VALID_MINUTES));
                });
    }
}
