package org.iris.network.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.network.control.Contacts;
import org.iris.network.entity.Contact;
import org.iris.network.entity.Presence;
import org.iris.network.entity.PresenceChanged;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.VisibilityRules;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Presence (SPEC §4): each user sets their own; it is shown only to the users of their network.
 * Stored in the user's region's database, which every node of a cluster shares, so any node answers
 * with the same presence; a change is announced as a {@link PresenceChanged} event for push.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Presences {

    @Inject
    Contacts contacts;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Event<PresenceChanged> changed;

    @Inject
    Clock clock;

    public Presence set(Caller caller, Presence.Status status) {
        Presence presence = transactions.commit(() -> {
            var region = managers.of(caller.region());
            Presence stored = region.find(Presence.class, caller.accountId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (stored == null) {
                stored = Presence.of(caller.accountId(), status, clock.instant());
                region.persist(stored);
            } else {
                stored.set(status, clock.instant());
            }
            return stored;
        });
        changed.fire(new PresenceChanged(caller.accountId(), caller.region(), status));
        return presence;
    }

    /**
     * The presence of the caller or of a user in the caller's network.
     *
     * @throws NotFound for anyone else, alike to an unknown user
     */
    public Presence get(Caller caller, UUID userId) {
        boolean self = userId.equals(caller.accountId());
        Optional<Contact> contact = self ? Optional.empty()
                : contacts.active(managers.of(caller.region()), caller.accountId(), userId);
        if (!VisibilityRules.presenceShown(self, contact.isPresent())) {
            throw new NotFound("user");
        }
        Region region = contact.map(Contact::otherRegion).orElse(caller.region());
        return Optional.ofNullable(managers.of(region).find(Presence.class, userId)).orElseGet(() -> Presence.offline(userId));
    }
}
