package org.iris.mail.control;

import org.iris.platform.entity.EmailAddress;

/** Where mail goes: an SMTP server, or a folder for the embedded run. */
public interface MailTransport {

    /** A mail ready to go: one recipient, a subject, text and HTML alternatives. */
    record Message(EmailAddress to, String subject, String text, String html) {
    }

    /** The value of {@code iris.mail.transport} that selects this transport. */
    String name();

    /** @throws MailNotSent when the mail was not accepted */
    void send(Message message) throws MailNotSent;

    /**
     * A mail the transport could not hand over. {@code permanent}: the server refused it for good (a
     * 5xx answer, an address it will not take), so trying again would only be refused again;
     * {@code unreachable}: the server itself could not be reached, so the next mails would fail alike.
     */
    class MailNotSent extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean permanent;
        private final boolean unreachable;

        public MailNotSent(String message, boolean permanent, boolean unreachable, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
            this.unreachable = unreachable;
        }

        public boolean permanent() {
            return permanent;
        }

        public boolean unreachable() {
            return unreachable;
        }
    }
}
