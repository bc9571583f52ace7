-- Region boundary, bubbles (SPEC §5): group conversations and their conferences. A bubble lives in
-- its owner's region at creation and stays there, with every participation in it, whatever region a
-- participant's account lives in; no foreign key names an account, since participants (and later
-- owners) may live in another region's database.
CREATE TABLE bubble (
    id                   UUID                     NOT NULL,
    owner_id             UUID                     NOT NULL,
    name                 VARCHAR(100)             NOT NULL,
    topic                VARCHAR(1000),
    status               VARCHAR(8)               NOT NULL,
    -- the conference link's secret (a regional token), shown to the owner only; rotating replaces it
    conference_link      VARCHAR(64)              NOT NULL,
    -- the conference: started when an organizer is or was in it since it last ended; arrivals number
    -- those who come in, so that the lobby admits them in arrival order
    conference_started   TIMESTAMP WITH TIME ZONE,
    conference_arrivals  BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT bubble_pk PRIMARY KEY (id),
    CONSTRAINT bubble_status_ck CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    CONSTRAINT bubble_link_uq UNIQUE (conference_link)
);

CREATE INDEX bubble_owner_ix ON bubble (owner_id);

-- One participant: an account (owner, co-organizer or member) or a person invited by email. The
-- latter is a guest until they register or sign in with that address, then a member; their link is
-- stored only as the SHA-256 of its token, and expires.
CREATE TABLE bubble_participant (
    bubble_id        UUID                     NOT NULL,
    participant_id   UUID                     NOT NULL,
    kind             VARCHAR(8)               NOT NULL,
    role             VARCHAR(16)              NOT NULL,
    account_region   VARCHAR(8),
    email            VARCHAR(254),
    email_hash       VARCHAR(64),
    link_hash        VARCHAR(64),
    language         VARCHAR(8),
    delivery         VARCHAR(8),
    expires_at       TIMESTAMP WITH TIME ZONE,
    added_by         UUID                     NOT NULL,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    role_since       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT bubble_participant_pk PRIMARY KEY (bubble_id, participant_id),
    CONSTRAINT bubble_participant_bubble_fk FOREIGN KEY (bubble_id) REFERENCES bubble (id) ON DELETE CASCADE,
    CONSTRAINT bubble_participant_kind_ck CHECK (kind IN ('ACCOUNT', 'GUEST')),
    CONSTRAINT bubble_participant_role_ck CHECK (role IN ('OWNER', 'CO_ORGANIZER', 'MEMBER', 'GUEST')),
    CONSTRAINT bubble_participant_guest_ck CHECK ((kind = 'GUEST') = (role = 'GUEST')),
    CONSTRAINT bubble_participant_region_ck CHECK (account_region IS NULL
        OR account_region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS')),
    CONSTRAINT bubble_participant_delivery_ck CHECK (delivery IS NULL OR delivery IN ('NEW', 'MAILED', 'HELD')),
    CONSTRAINT bubble_participant_link_uq UNIQUE (link_hash)
);

CREATE INDEX bubble_participant_member_ix ON bubble_participant (participant_id);
CREATE INDEX bubble_participant_email_ix ON bubble_participant (email_hash);
CREATE INDEX bubble_participant_delivery_ix ON bubble_participant (delivery, added_at);

-- Who is in the bubble's conference (IN) or waits in its lobby (WAITING), in arrival order.
CREATE TABLE conference_attendee (
    bubble_id        UUID                     NOT NULL,
    participant_id   UUID                     NOT NULL,
    state            VARCHAR(8)               NOT NULL,
    arrival          BIGINT                   NOT NULL,
    arrived_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conference_attendee_pk PRIMARY KEY (bubble_id, participant_id),
    CONSTRAINT conference_attendee_participant_fk FOREIGN KEY (bubble_id, participant_id)
        REFERENCES bubble_participant (bubble_id, participant_id) ON DELETE CASCADE,
    CONSTRAINT conference_attendee_state_ck CHECK (state IN ('IN', 'WAITING'))
);
