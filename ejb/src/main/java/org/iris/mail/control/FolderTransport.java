package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.platform.control.DataFolder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * For the embedded run only: writes each mail as a text file into {@code mail/} of the data folder
 * instead of sending it, so that a PIN can be read there, and logs only where (the log is no place
 * for PINs nor addresses). {@code MailDispatcher} refuses it on any other database than the embedded one.
 */
@ApplicationScoped
public class FolderTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(FolderTransport.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    DataFolder folder;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "folder";
    }

    @Override
    public void send(Message mail) {
        Path file = folder.resolve("mail", STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".txt");
        folder.writePrivately(file, "To: " + mail.to().value() + "\nSubject: " + mail.subject() + "\n\n"
                + mail.text().strip() + "\n");
        LOG.info(() -> "Mail NOT SENT (embedded run): the mail to " + mail.to().masked() + " is in "
                + file.toAbsolutePath());
    }
}
