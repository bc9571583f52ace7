package org.iris.mail.control;

import org.iris.mail.entity.OutboxMail;

/** Where mail goes: an SMTP server, or the server log for the embedded run. */
public interface MailTransport {

    /** The value of {@code iris.mail.transport} that selects this transport. */
    String name();

    /** @throws MailNotSent when the mail was not accepted; it stays in the outbox and is tried again */
    void send(OutboxMail mail) throws MailNotSent;

    /** A mail the transport could not hand over now. */
    class MailNotSent extends Exception {
        private static final long serialVersionUID = 1L;

        public MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
