package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.identity.entity.AccountOpened;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Registering with an address invited as a guest makes its new account a member of those bubbles. */
@ApplicationScoped
public class WaitingGuests {

    private static final Logger LOG = Logger.getLogger(WaitingGuests.class.getName());

    @Inject
    GuestInvitations invitations;

    @Inject
    BubbleStore store;

    void opened(@Observes AccountOpened event) {
        try {
            invitations.registered(event.account(), store.reachable(event.account().region()));
        } catch (RuntimeException e) {
            // the account exists whatever happens here; the guest's link still lets it accept
            LOG.log(Level.WARNING, "Guest invitations waiting for a new account were not resolved now", e);
        }
    }
}
