-- Region boundary: closing abuse paths in mail, directory, invitations and sessions.

-- The outbox keeps what to render (template, language, values) rather than the rendered mail, and a
-- deferred mail (a PIN) not even that: its content is decided when it is sent, so that no PIN waits
-- here in clear. Two lanes (PIN codes, notices) are sent side by side; a mail the server refuses for
-- good, or one that outlived its use, is given up and kept as FAILED, emptied, for operators.
ALTER TABLE mail_outbox ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE mail_outbox ALTER COLUMN text_body DROP NOT NULL;
ALTER TABLE mail_outbox ALTER COLUMN html_body DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN template VARCHAR(64);
ALTER TABLE mail_outbox ADD COLUMN language VARCHAR(8);
ALTER TABLE mail_outbox ADD COLUMN mail_values VARCHAR(8000);
ALTER TABLE mail_outbox ADD COLUMN deferred VARCHAR(32);
ALTER TABLE mail_outbox ADD COLUMN lane VARCHAR(8) DEFAULT 'NOTICE' NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN status VARCHAR(8) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN permanent_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_lane_ck CHECK (lane IN ('PIN', 'NOTICE'));
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_ck CHECK (status IN ('PENDING', 'FAILED'));
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_content_ck
    CHECK (status = 'FAILED' OR template IS NOT NULL OR deferred IS NOT NULL OR text_body IS NOT NULL);

DROP INDEX mail_outbox_due_ix;
CREATE INDEX mail_outbox_due_ix ON mail_outbox (status, lane, next_attempt_at);
CREATE INDEX mail_outbox_created_ix ON mail_outbox (status, lane, created_at);
CREATE INDEX mail_outbox_expires_ix ON mail_outbox (status, expires_at);
CREATE INDEX mail_outbox_recipient_ix ON mail_outbox (recipient);
-- Mails written before this version hold their rendered parts, a PIN perhaps: they are of no use a
-- day later, and are then given up and emptied like any expired mail.
UPDATE mail_outbox SET expires_at = created_at + INTERVAL '1' DAY WHERE expires_at IS NULL;
ALTER TABLE mail_outbox ALTER COLUMN expires_at SET NOT NULL;

-- A user's email is a word of the directory only for those who may see it (colleagues, their
-- network): its rows are never findable from outside the company.
ALTER TABLE directory_entry ADD COLUMN email_word BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE directory_entry SET email_word = TRUE, findable = FALSE, findable_in_organization = FALSE
    WHERE token = (SELECT a.email FROM account a WHERE a.id = directory_entry.account_id);
-- An email that normalizing changed (accents) is not found that way: its account's words go, and the
-- directory backfill writes them again, the email as an email word.
DELETE FROM directory_entry WHERE account_id NOT IN (SELECT e.account_id FROM directory_entry e WHERE e.email_word);

-- A refresh-token family (a session) ends at the latest session_max_days after its login, however
-- often it is refreshed.
ALTER TABLE refresh_token ADD COLUMN session_started_at TIMESTAMP WITH TIME ZONE;
UPDATE refresh_token SET session_started_at =
    (SELECT MIN(f.created_at) FROM refresh_token f WHERE f.family_id = refresh_token.family_id);
ALTER TABLE refresh_token ALTER COLUMN session_started_at SET NOT NULL;

-- An invitation by email is decided after the inviter has been answered, the same answer whatever
-- the email is: NEW until then; MAILED to a person with no account (who may register); HELD where
-- the rules or the invitee's state forbid it, which the inviter never learns (it stays pending).
ALTER TABLE network_invitation ADD COLUMN delivery VARCHAR(8);
ALTER TABLE network_invitation ADD COLUMN delivery_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE network_invitation ADD CONSTRAINT network_invitation_delivery_ck
    CHECK (delivery IS NULL OR delivery IN ('NEW', 'MAILED', 'HELD'));
UPDATE network_invitation SET delivery = 'MAILED'
    WHERE side = 'SENT' AND email_hash IS NOT NULL AND other_id IS NULL;
CREATE INDEX network_invitation_delivery_ix ON network_invitation (delivery, created_at);
