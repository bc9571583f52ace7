package org.iris.mail.control;

import org.iris.platform.entity.Language;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    /** A name is typed by someone else: whatever it holds, the subject stays one plain line. */
    @Test
    void aNameCannotBreakOrTurnTheSubject() {
        MailTemplates.Rendered mail = templates.render("network-invitation", Language.EN, Map.of(
                "inviter", "Eve\r\nBcc: victim@example.org\u202e\u2066 Mallory\u0000", "company", "Acme",
                "email", "ada@example.org", "link", "https://iris.example/register"));
        assertEquals("Eve Bcc: victim@example.org Mallory invites you to their network on Iris", mail.subject());
        assertFalse(mail.subject().chars().anyMatch(Character::isISOControl));
    }

    @Test
    void theHtmlPartEscapesValuesAndTheTextPartKeepsThem() {
        MailTemplates.Rendered mail = templates.render("network-invitation", Language.FR, Map.of(
                "inviter", "<b>Eve</b>", "company", "A & B", "email", "ada@example.org", "link", "https://iris.example/r"));
        assertTrue(mail.html().contains("&lt;b&gt;Eve&lt;/b&gt;"), mail.html());
        assertTrue(mail.text().contains("<b>Eve</b>"), mail.text());
        assertTrue(mail.subject().contains("vous invite"), mail.subject());
    }

    @Test
    void valuesSurviveTheOutboxAsJson() {
        Map<String, Object> values = Map.of("email", "ada@example.org", "minutes", 10, "link", "https://x.example/#a\"b");
        assertEquals(Map.of("email", "ada@example.org", "minutes", 10L, "link", "https://x.example/#a\"b"),
                Outbox.read(Outbox.write(values)));
    }
}
