package org.iris.identity.boundary;

import org.iris.identity.entity.Account;

import java.util.List;
import java.util.UUID;

/** A person's own account as they see it. */
public record AccountView(UUID id, String email, String firstName, String lastName, String title, String language,
                          UUID companyId, String region, List<String> roles) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.email(), account.name().first(), account.name().last(),
                account.title(), account.language().code(), account.companyId(), account.region().name(),
                List.copyOf(account.roles()));
    }
}
