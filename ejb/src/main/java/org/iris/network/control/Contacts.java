package org.iris.network.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.network.entity.Contact;
import org.iris.platform.entity.Region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One user's half of their contacts, in their region; each method runs in the caller's transaction there. */
@ApplicationScoped
public class Contacts {

    public Optional<Contact> find(EntityManager region, UUID owner, UUID other) {
        return Optional.ofNullable(region.find(Contact.class, new Contact.Key(owner, other)));
    }

    /** The owner's network: the users of their active contacts (favorites included). */
    public List<UUID> network(EntityManager region, UUID owner) {
        return region.createQuery("SELECT c.otherId FROM Contact c WHERE c.ownerId = :owner AND c.status = :active", UUID.class)
                .setParameter("owner", owner).setParameter("active", Contact.Status.ACTIVE).getResultList();
    }

    public Optional<Contact> active(EntityManager region, UUID owner, UUID other) {
        return find(region, owner, other).filter(Contact::active);
    }

    public Optional<Contact> lockActive(EntityManager region, UUID owner, UUID other) {
        return Optional.ofNullable(region.find(Contact.class, new Contact.Key(owner, other), LockModeType.PESSIMISTIC_WRITE))
                .filter(Contact::active);
    }

    /** Makes {@code other} a contact of {@code owner} (again, after a revocation). */
    public void connect(EntityManager region, UUID owner, UUID other, Region otherRegion, Instant now) {
        find(region, owner, other).ifPresentOrElse(
                contact -> {
                    if (!contact.active()) {
                        contact.renew(now);
                    }
                },
                () -> region.persist(Contact.of(owner, other, otherRegion, now)));
    }

    /** Ends the owner's half, if it is active. */
    public void revoke(EntityManager region, UUID owner, UUID other, Instant now) {
        find(region, owner, other).filter(Contact::active).ifPresent(contact -> contact.revoke(now));
    }
}
