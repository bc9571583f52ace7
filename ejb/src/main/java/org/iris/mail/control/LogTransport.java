package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.iris.mail.entity.OutboxMail;

import java.util.logging.Logger;

/**
 * For the embedded run only: prints each mail to the server log instead of sending it, so that a
 * PIN can be read there. {@code IdentityStartup} refuses it on any other database than the embedded one.
 */
@ApplicationScoped
public class LogTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(LogTransport.class.getName());

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(OutboxMail mail) {
        LOG.warning(() -> "\n===== MAIL NOT SENT: printed by the log transport (embedded run only) =====\n"
                + "To: " + mail.recipient() + "\n"
                + "Subject: " + mail.subject() + "\n\n"
                + mail.textBody().strip() + "\n"
                + "===== END OF MAIL =====");
    }
}
