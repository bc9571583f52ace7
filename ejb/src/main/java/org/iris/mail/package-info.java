/**
 * Mail (SPEC §10): templates in English and French (Mustache, text and HTML parts), a regional
 * outbox written in the same transaction as what causes a mail, and its dispatcher.
 * <ul>
 * <li>Every address is one strict grammar ({@link org.iris.platform.entity.EmailAddress}), at the door
 *     and at send time alike, so that no address can make a mail fail for ever or reach several people.</li>
 * <li>The outbox holds a template and its values, rendered when the mail goes; a deferred mail (a PIN)
 *     is decided then by the feature that asked for it ({@link org.iris.mail.control.DeferredMail}), so
 *     that no PIN waits there in clear.</li>
 * <li>Two lanes, sent side by side: PIN mails newest first with recipients' domains taking turns
 *     ({@link org.iris.mail.control.FairShare}), and notices oldest first; one flood cannot starve the rest.</li>
 * <li>A mail refused for now is retried until it expires; one refused for good is given up after a few
 *     refusals; given up, it is kept emptied for operators ({@code GET /mail-outbox}).</li>
 * <li>The folder transport writes mail into the data folder instead, for the embedded run only.</li>
 * </ul>
 */
package org.iris.mail;
