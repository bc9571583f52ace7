package org.iris.identity.boundary;

import org.iris.identity.entity.Account;

import java.util.List;
import java.util.UUID;

/**
 * A person's own account as they see it, with what their licence opens ({@code offer},
 * {@code features}) and what their company's administrator allows them.
 */
public record AccountView(UUID id, String email, String firstName, String lastName, String title, String language,
                          UUID companyId, String region, List<String> roles, String offer, List<String> features,
                          Boolean fileSharingAllowed, Boolean nameEditAllowed, Storage storage) {

    /** Bytes of files kept by the caller's company (or by the caller alone, standalone), and its quota. */
    public record Storage(long usedBytes, long quotaBytes) {
    }

    static AccountView of(Accounts.Profile profile) {
        Account account = profile.account();
        return new AccountView(account.id(), account.email(), account.name().first(), account.name().last(),
                account.title(), account.language().code(), account.companyId(), account.region().name(),
                List.copyOf(account.roles()), profile.terms().offer(), profile.terms().features().stream().sorted().toList(),
                profile.terms().fileSharingAllowed(), profile.terms().nameEditAllowed(),
                new Storage(profile.storage().usedBytes(), profile.storage().quotaBytes()));
    }

    /** An account just created: who it is; what it may use is in {@code GET /users/me}. */
    public static AccountView created(Account account) {
        return new AccountView(account.id(), account.email(), account.name().first(), account.name().last(),
                account.title(), account.language().code(), account.companyId(), account.region().name(),
                List.copyOf(account.roles()), null, null, null, null, null);
    }
}
