package org.iris.network.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.network.control.Contacts;
import org.iris.network.entity.Contact;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;
import org.iris.network.control.Halves;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A user's network (SPEC §4): their contacts, favorites among them. Revoking a contact ends it for
 * both, each half in its own user's region, the caller's first ({@link Halves}).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Network {

    /** A contact and the account it names. */
    public record Connection(Contact contact, Account account) {
    }

    @Inject
    Contacts contacts;

    @Inject
    Halves halves;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accountRoutes;

    @Inject
    Clock clock;

    /** The caller's contacts, favorites first, then by name. */
    public List<Connection> list(Caller caller) {
        List<Contact> mine = managers.of(caller.region())
                .createQuery("SELECT c FROM Contact c WHERE c.ownerId = :me AND c.status = :active", Contact.class)
                .setParameter("me", caller.accountId())
                .setParameter("active", Contact.Status.ACTIVE)
                .getResultList();
        Map<Region, List<UUID>> byRegion = mine.stream().filter(contact -> boundaries.serves(contact.otherRegion()))
                .collect(Collectors.groupingBy(Contact::otherRegion, Collectors.mapping(Contact::otherId, Collectors.toList())));
        Map<UUID, Account> accounts = new HashMap<>();
        byRegion.forEach((region, ids) -> accountRoutes.byIds(region, ids).forEach(account -> accounts.put(account.id(), account)));
        return mine.stream()
                .filter(contact -> accounts.containsKey(contact.otherId()))
                .map(contact -> new Connection(contact, accounts.get(contact.otherId())))
                .sorted(Comparator.comparing((Connection member) -> !member.contact().favorite())
                        .thenComparing(member -> member.account().name().last().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(member -> member.account().name().first().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(member -> member.account().id().toString()))
                .toList();
    }

    /** Ends a contact for both users. */
    public void revoke(Caller caller, UUID other) {
        Contact mine = contacts.active(managers.of(caller.region()), caller.accountId(), other)
                .orElseThrow(() -> new NotFound("contact"));
        Instant now = clock.instant();
        Consumer<EntityManager> myHalf = region -> contacts.revoke(region, caller.accountId(), other, now);
        if (boundaries.serves(mine.otherRegion())) {
            halves.both(caller.region(), myHalf, mine.otherRegion(),
                    region -> contacts.revoke(region, other, caller.accountId(), now));
        } else {
            halves.one(caller.region(), myHalf);
        }
    }

    /** Marks or unmarks a contact as a favorite; favorites are the caller's own, the other user's half does not change. */
    public void favor(Caller caller, UUID other, boolean favorite) {
        transactions.run(() -> {
            contacts.lockActive(managers.of(caller.region()), caller.accountId(), other)
                    .orElseThrow(() -> new NotFound("contact"))
                    .favor(favorite);
        });
    }
}
