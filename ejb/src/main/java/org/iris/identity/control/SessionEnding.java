package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.identity.entity.Account;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Ending every session of an account (a new password, a forced reset, new roles): its refresh tokens
 * go in its region, then its access tokens below its new generation are revoked in {@code global}.
 */
@ApplicationScoped
public class SessionEnding {

    @Inject
    AccountRoutes accounts;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Revocations revocations;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    /** Changes the account (raising its token generation) and ends every session it has. */
    public Account endAll(Region region, UUID accountId, Consumer<Account> change) {
        Account changed = transactions.commit(() -> {
            Account stored = accounts.lock(region, accountId).orElseThrow(() -> new NotFound("account"));
            change.accept(stored);
            endRefreshTokens(managers.of(region), stored);
            return stored;
        });
        revokeAccessTokens(changed);
        return changed;
    }

    /** The account's refresh tokens end; runs in the caller's transaction in its region. */
    public void endRefreshTokens(EntityManager region, Account account) {
        refreshTokens.endAll(region, account.id());
    }

    /** Access tokens below the account's current generation end; in a transaction of its own on {@code global}. */
    public void revokeAccessTokens(Account account) {
        transactions.run(() -> revocations.revokeAccount(account.id(), account.tokenGeneration()));
    }
}
