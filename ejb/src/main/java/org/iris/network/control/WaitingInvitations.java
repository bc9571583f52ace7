package org.iris.network.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.identity.entity.AccountOpened;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands a new account to the invitations that waited for its email. */
@ApplicationScoped
public class WaitingInvitations {

    private static final Logger LOG = Logger.getLogger(WaitingInvitations.class.getName());

    @Inject
    EmailInvitations invitations;

    void opened(@Observes AccountOpened event) {
        try {
            invitations.registered(event.account());
        } catch (RuntimeException e) {
            // the account exists whatever happens here; NetworkRepair resolves what is left waiting
            LOG.log(Level.WARNING, "Invitations waiting for a new account were not resolved now", e);
        }
    }
}
