package org.iris.network.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.control.AccountRoutes;
import org.iris.network.control.EmailInvitations;
import org.iris.network.entity.Contact;
import org.iris.network.entity.NetworkInvitation;
import org.iris.network.entity.NetworkInvitation.Side;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RepairDue;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings the two halves of cross-region contacts and invitations back in step after a crash between
 * their two commits, at each {@link RepairDue}: the half that changed later wins, a missing half is
 * made again from the other. Also hands to their new account the invitations by email that waited
 * for someone who has registered since.
 */
@ApplicationScoped
public class NetworkRepair {

    /** Only halves changed this recently are compared: a crash is followed by a repair long before. */
    static final Duration RECENT = Duration.ofDays(7);

    /**
     * Invitations mailed this recently are checked for a registration the event missed (a crash);
     * registering is what hands them over, at once, and a crash is followed by a repair long before.
     */
    static final Duration MAILED_RECENT = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(NetworkRepair.class.getName());

    @Inject
    Boundaries boundaries;

    @Inject
    EntityManagers managers;

    @Inject
    AccountRoutes accounts;

    @Inject
    EmailInvitations emailInvitations;

    @Inject
    Transactions transactions;

    void repair(@Observes RepairDue due) {
        due.repair("network halves", LOG, () -> repair(due.region(), due.settled()));
    }

    private int repair(Region region, OffsetDateTime settled) {
        int repaired = 0;
        for (Contact half : crossRegion(Contact.class, region, settled)) {
            if (boundaries.serves(half.otherRegion()) && settle(region, half)) {
                repaired++;
            }
        }
        for (NetworkInvitation half : crossRegion(NetworkInvitation.class, region, settled)) {
            if (half.otherRegion().filter(boundaries::serves).isPresent() && settle(region, half)) {
                repaired++;
            }
        }
        List<NetworkInvitation> waiting = managers.of(region)
                .createQuery("SELECT i FROM NetworkInvitation i WHERE i.delivery = :mailed"
                        + " AND i.createdAt < :settled AND i.createdAt > :recent", NetworkInvitation.class)
                .setParameter("mailed", NetworkInvitation.Delivery.MAILED)
                .setParameter("settled", settled)
                .setParameter("recent", settled.minus(MAILED_RECENT))
                .getResultList();
        for (NetworkInvitation invitation : waiting) {
            var route = accounts.route(emailHash(invitation));
            if (route.isPresent()) {
                accounts.find(route.get().region(), route.get().accountId()).ifPresent(emailInvitations::registered);
                repaired++;
            }
        }
        return repaired;
    }

    /** The halves of this region, of the kind given, whose other half is in another region and that changed recently. */
    private <T> List<T> crossRegion(Class<T> halves, Region region, OffsetDateTime settled) {
        return managers.of(region)
                .createQuery("SELECT h FROM " + halves.getSimpleName() + " h WHERE h.otherRegion <> :region"
                        + " AND h.changedAt < :settled AND h.changedAt > :recent", halves)
                .setParameter("region", region)
                .setParameter("settled", settled)
                .setParameter("recent", settled.minus(RECENT))
                .getResultList();
    }

    private static String emailHash(NetworkInvitation invitation) {
        return invitation.emailHash().orElseThrow();
    }

    /** The other user's half of this contact takes this one's later change, or is made again from it. */
    private boolean settle(Region region, Contact half) {
        return transactions.commit(() -> {
            var theirs = managers.of(half.otherRegion());
            Contact other = theirs.find(Contact.class, new Contact.Key(half.otherId(), half.ownerId()), LockModeType.PESSIMISTIC_WRITE);
            if (other == null) {
                if (!half.active() || accounts.find(half.otherRegion(), half.otherId()).isEmpty()) {
                    return false;
                }
                theirs.persist(Contact.mirror(half, region));
                return true;
            }
            return other.settle(half);
        });
    }

    /** The other side of this invitation takes this one's later decision, or is made again from it. */
    private boolean settle(Region region, NetworkInvitation half) {
        return transactions.commit(() -> {
            var theirs = managers.of(half.otherRegion().orElseThrow());
            Side opposite = half.side() == Side.SENT ? Side.RECEIVED : Side.SENT;
            NetworkInvitation other = theirs.find(NetworkInvitation.class, new NetworkInvitation.Key(half.id(), opposite),
                    LockModeType.PESSIMISTIC_WRITE);
            if (other == null) {
                if (half.side() != Side.SENT || accounts.find(half.otherRegion().get(), half.otherId().orElseThrow()).isEmpty()) {
                    return false;
                }
                theirs.persist(NetworkInvitation.received(half, region));
                return true;
            }
            return other.settle(half);
        });
    }
}
