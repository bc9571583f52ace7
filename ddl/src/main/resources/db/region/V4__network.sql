-- Region boundary, visibility and network (SPEC §3, §4): the directory that search reads, each
-- user's half of their contacts and of their invitations, and presence. A contact or an invitation
-- between users of two regions has one half in each region, each kept by its own user's region.

-- The directory: one row per searchable word of an account (its names in both orders, each further
-- word of a name, its email), normalized (lower case, accents removed) so that a prefix search is a
-- range of an index. The flags repeat what the account's and its company's modes mean for search, so
-- that visibility is part of the index: kept in step with every change of name or mode.
CREATE TABLE directory_entry (
    account_id               UUID         NOT NULL,
    token                    VARCHAR(300) NOT NULL,
    company_id               UUID         NOT NULL,
    -- seen as public by users of other companies outside the company's organization
    findable                 BOOLEAN      NOT NULL,
    -- seen as public by users of the other companies of its organization
    findable_in_organization BOOLEAN      NOT NULL,
    CONSTRAINT directory_entry_pk PRIMARY KEY (account_id, token),
    CONSTRAINT directory_entry_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX directory_entry_token_ix ON directory_entry (token);
CREATE INDEX directory_entry_company_ix ON directory_entry (company_id, token);

-- One user's side of a contact. A revoked contact stays as a tombstone for a while, so that the two
-- halves of a cross-region contact can be brought back in step: the later change wins.
CREATE TABLE contact (
    owner_id      UUID                     NOT NULL,
    other_id      UUID                     NOT NULL,
    other_region  VARCHAR(8)               NOT NULL,
    status        VARCHAR(8)               NOT NULL,
    favorite      BOOLEAN                  NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT contact_pk PRIMARY KEY (owner_id, other_id),
    CONSTRAINT contact_owner_fk FOREIGN KEY (owner_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT contact_status_ck CHECK (status IN ('ACTIVE', 'REVOKED')),
    CONSTRAINT contact_region_ck CHECK (other_region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS'))
);

CREATE INDEX contact_changed_ix ON contact (changed_at);

-- One side of an invitation to join someone's network: SENT is the inviter's, RECEIVED the invitee's.
-- An invitation by email to a person with no account has only its SENT side, with the email, until
-- that person registers.
CREATE TABLE network_invitation (
    id           UUID                     NOT NULL,
    side         VARCHAR(8)               NOT NULL,
    owner_id     UUID                     NOT NULL,
    -- text, not UUID: EclipseLink binds a null UUID as text, which PostgreSQL refuses for a UUID column
    other_id     VARCHAR(36),
    other_region VARCHAR(8),
    email        VARCHAR(254),
    email_hash   VARCHAR(64),
    language     VARCHAR(8)               NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT network_invitation_pk PRIMARY KEY (id, side),
    CONSTRAINT network_invitation_owner_fk FOREIGN KEY (owner_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT network_invitation_side_ck CHECK (side IN ('SENT', 'RECEIVED')),
    CONSTRAINT network_invitation_status_ck
        CHECK (status IN ('PENDING', 'ACCEPTED', 'AUTO_ACCEPTED', 'DECLINED', 'CANCELED')),
    CONSTRAINT network_invitation_region_ck
        CHECK (other_region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS')),
    CONSTRAINT network_invitation_other_ck CHECK (other_id IS NOT NULL OR (side = 'SENT' AND email_hash IS NOT NULL))
);

CREATE INDEX network_invitation_owner_ix ON network_invitation (owner_id, side, created_at);
CREATE INDEX network_invitation_email_ix ON network_invitation (email_hash);
CREATE INDEX network_invitation_changed_ix ON network_invitation (changed_at);

-- A user's presence as they last set it; no row is "offline".
CREATE TABLE presence (
    account_id UUID                     NOT NULL,
    status     VARCHAR(8)               NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT presence_pk PRIMARY KEY (account_id),
    CONSTRAINT presence_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT presence_status_ck CHECK (status IN ('ONLINE', 'AWAY', 'BUSY', 'OFFLINE'))
);
