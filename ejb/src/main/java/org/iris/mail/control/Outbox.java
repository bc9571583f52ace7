package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.identity.entity.EmailAddress;
import org.iris.identity.entity.Language;
import org.iris.mail.entity.OutboxMail;

import java.time.Clock;
import java.util.Map;

/** Puts a mail in the outbox of a region, in the caller's transaction there; {@code MailDispatcher} sends it. */
@ApplicationScoped
public class Outbox {

    @Inject
    MailTemplates templates;

    @Inject
    Clock clock;

    public void enqueue(EntityManager region, EmailAddress to, String template, Language language, Map<String, Object> values) {
        MailTemplates.Rendered mail = templates.render(template, language, values);
        region.persist(OutboxMail.of(to.value(), mail.subject(), mail.text(), mail.html(), clock.instant()));
    }
}
