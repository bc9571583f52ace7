/**
 * Mail (SPEC §10): templates in English and French (Mustache, text and HTML parts), a regional
 * outbox written in the same transaction as what causes a mail, and its dispatcher, which retries
 * until the SMTP server accepts. The log transport prints mail instead, for the embedded run only.
 */
package org.iris.mail;
