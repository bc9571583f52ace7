package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

import org.iris.mail.control.MailTransport.MailNotSent;
import org.iris.mail.control.MailTransport.Message;
import org.iris.mail.entity.OutboxMail;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;

/**
 * A mail of the outbox as it goes out: its template rendered with its values now, or, for a deferred
 * mail, whatever the {@link DeferredMail} of its kind decides when it is sent.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    Instance<DeferredMail> deferrals;

    @Inject
    MailTemplates templates;

    /**
     * @return empty when a deferred mail decided there is nothing to send
     * @throws MailNotSent for a recipient that is no single plain address: it can never be sent
     */
    public Optional<Message> compose(OutboxMail mail) throws MailNotSent {
        EmailAddress to = EmailAddress.parse(mail.recipient())
                .orElseThrow(() -> new MailNotSent("the recipient is not a single plain address", true, false, null));
        Language language = mail.language().map(Language::of).orElse(Language.DEFAULT);
        if (mail.template().isEmpty() && mail.deferred().isEmpty()) {
            // written before templates were rendered at send time
            return Optional.of(new Message(to, mail.subject().orElse(""), mail.textBody().orElse(""),
                    mail.htmlBody().orElse("")));
        }
        var values = Outbox.read(mail.values().orElse(null));
        Optional<DeferredMail.Content> content;
        if (mail.deferred().isPresent()) {
            String kind = mail.deferred().get();
            DeferredMail deciding = deferrals.stream().filter(candidate -> candidate.handles(kind)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing decides deferred mail of kind " + kind));
            content = deciding.prepare(kind, to, language, values);
        } else {
            content = Optional.of(new DeferredMail.Content(mail.template().get(), language, values));
        }
        return content.map(decided -> {
            MailTemplates.Rendered rendered = templates.render(decided.template(), decided.language(), decided.values());
            return new Message(to, rendered.subject(), rendered.text(), rendered.html());
        });
    }
}
