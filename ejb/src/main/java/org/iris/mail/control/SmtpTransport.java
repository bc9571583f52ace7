package org.iris.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends through an SMTP server ({@code iris.mail.smtp.*}): host, port, {@code security}
 * ({@code starttls} required by default, {@code tls} for implicit TLS, {@code none} only for a
 * local relay), optional user and password. Each mail is text and HTML alternatives.
 */
@ApplicationScoped
public class SmtpTransport implements MailTransport {

    @Inject
    @ConfigProperty(name = "iris.mail.smtp.host")
    String host;

    @Inject
    @ConfigProperty(name = "iris.mail.smtp.port")
    int port;

    @Inject
    @ConfigProperty(name = "iris.mail.smtp.security")
    String security;

    @Inject
    @ConfigProperty(name = "iris.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "iris.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "iris.mail.from")
    String from;

    private Session session;

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        String protocol = "smtp";
        switch (security.strip().toLowerCase(Locale.ROOT)) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "tls" -> {
                protocol = "smtps";
                properties.put("mail.smtps.ssl.checkserveridentity", "true");
            }
            case "none" -> {
                // a relay on the same host or network, by explicit choice
            }
            default -> throw new IllegalStateException("iris.mail.smtp.security is starttls, tls or none");
        }
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        properties.put("mail." + protocol + ".writetimeout", "20000");
        Authenticator authenticator = null;
        if (user.isPresent()) {
            properties.put("mail." + protocol + ".auth", "true");
            String name = user.get();
            String secret = password.orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(name, secret);
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void send(Message mail) throws MailNotSent {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, true));
            // the one grammar of EmailAddress, read again here as a single strict address
            InternetAddress[] to = InternetAddress.parse(mail.to().value(), true);
            if (to.length != 1) {
                throw new MailNotSent("not a single recipient", true, false, null);
            }
            message.setRecipients(MimeMessage.RecipientType.TO, to);
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailNotSent(e.getMessage(), permanent(e), unreachable(e), e);
        }
    }

    /**
     * The server refused this mail's recipient (a 5xx to RCPT TO, an address it will not take): this
     * mail would be refused again. A 5xx to anything else (the sender, the data, the login) says the
     * server refuses every mail, not this one: that is no reason to give this one up.
     */
    static boolean permanent(MessagingException e) {
        if (e instanceof AddressException) {
            return true;
        }
        for (Throwable cause : causes(e)) {
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            Integer code = returnCode(cause);
            if (code != null && code >= 500 && cause.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * No server to talk to (refused, unknown host, timed out, login refused), or one that refuses every
     * mail (a 5xx to the sender or the data): the next mails would fail alike, so the round stops.
     */
    static boolean unreachable(MessagingException e) {
        for (Throwable cause : causes(e)) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException || cause instanceof AuthenticationFailedException) {
                return true;
            }
            Integer code = returnCode(cause);
            if (code != null && code >= 500 && !cause.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> causes(MessagingException e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable at = e; at != null && chain.size() < 10; ) {
            chain.add(at);
            Throwable next = at instanceof MessagingException messaging && messaging.getNextException() != null
                    ? messaging.getNextException() : at.getCause();
            at = next == at ? null : next;
        }
        return chain;
    }

    /** The SMTP reply code of Angus Mail's SMTP exceptions, which are not part of the Jakarta Mail API. */
    private static Integer returnCode(Throwable cause) {
        try {
            Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
            return code instanceof Integer number ? number : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
