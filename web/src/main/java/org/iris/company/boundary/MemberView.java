package org.iris.company.boundary;

import org.iris.identity.entity.Account;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A member as the company's administrators see them. {@code visibility} is the member's own mode,
 * {@code null} where they inherit the company's; {@code licence} the offer of their licence, if any.
 */
public record MemberView(UUID id, String email, String firstName, String lastName, String title, List<String> roles,
                         String visibility, boolean fileSharingForbidden, String licence, String status,
                         boolean resetRequired) {

    static MemberView of(Members.Membership member) {
        Account account = member.account();
        return new MemberView(account.id(), account.email(), account.name().first(), account.name().last(),
                account.title(), List.copyOf(account.roles()),
                account.visibilityMode().map(MemberView::lower).orElse(null), account.fileSharingForbidden(),
                member.licence().map(MemberView::lower).orElse(null), lower(account.status()), account.resetRequired());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
