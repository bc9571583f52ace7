package org.iris.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM, on the port the Iris under test sends to
 * ({@code it.smtp.port}). One per JVM; a test may stop it to play a mail server that is down.
 */
public final class Mailbox {

    private static final int PORT = Integer.getInteger("it.smtp.port", 3925);
    private static final Pattern PIN = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail server;

    private Mailbox() {
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received for the address so far. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        start();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    /** Waits for the {@code count}-th message to the address. */
    public static MimeMessage await(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = messagesTo(address);
            if (messages.size() >= count) {
                return messages.get(count - 1);
            }
            pause();
        }
        throw new AssertionError("No mail number " + count + " to " + address + " within 30 s");
    }

    /** The PIN in the {@code count}-th mail to the address. */
    public static String pin(String address, int count) {
        Matcher matcher = PIN.matcher(text(await(address, count)));
        if (!matcher.find()) {
            throw new AssertionError("The mail to " + address + " holds no PIN");
        }
        return matcher.group(1);
    }

    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
