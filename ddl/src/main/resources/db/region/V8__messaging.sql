-- Region boundary, messaging (SPEC §6): conversations, their messages and files, encrypted at rest.
-- A one-to-one conversation lives in the region of the lower of its two account ids, so that both
-- sides find the same one; a bubble's conversation has the bubble's id and lives beside it. No
-- column holds a message's or a file's content, nor a file's name, in clear: each is AES-256-GCM
-- under the conversation's data key, and each data key is stored wrapped by a key-encryption key of
-- the region (iris.messaging.keys.file), named by its version.
CREATE TABLE conversation (
    id            UUID                     NOT NULL,
    kind          VARCHAR(8)               NOT NULL,
    -- the sequence of its last message; a message takes the next under a lock of this row
    last_seq      BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT conversation_pk PRIMARY KEY (id),
    CONSTRAINT conversation_kind_ck CHECK (kind IN ('DIRECT', 'BUBBLE'))
);

-- The two accounts of a one-to-one conversation, the lower id first (as the database orders UUIDs),
-- and their regions: one conversation per pair.
CREATE TABLE conversation_pair (
    conversation_id UUID       NOT NULL,
    user_low        UUID       NOT NULL,
    user_high       UUID       NOT NULL,
    region_low      VARCHAR(8) NOT NULL,
    region_high     VARCHAR(8) NOT NULL,
    CONSTRAINT conversation_pair_pk PRIMARY KEY (conversation_id),
    CONSTRAINT conversation_pair_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE,
    CONSTRAINT conversation_pair_order_ck CHECK (user_low < user_high),
    CONSTRAINT conversation_pair_uq UNIQUE (user_low, user_high)
);

CREATE INDEX conversation_pair_high_ix ON conversation_pair (user_high);

-- The data keys of a conversation: version 1 first; a new one, wrapped by the region's current
-- key-encryption key, once that key is rotated. Old ones stay to decrypt what they encrypted.
CREATE TABLE conversation_key (
    conversation_id UUID                     NOT NULL,
    version         INTEGER                  NOT NULL,
    kek_version     INTEGER                  NOT NULL,
    wrapped         BYTEA                    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_key_pk PRIMARY KEY (conversation_id, version),
    CONSTRAINT conversation_key_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE
);

-- One message, numbered in its conversation. body = 12-byte nonce || AES-256-GCM ciphertext and tag,
-- under data key key_version, bound to the conversation and message ids. A deleted message keeps its
-- place and loses its body. client_id is the sender's own id for it, so that a resend after a lost
-- acknowledgement is answered with the same message instead of a second one.
CREATE TABLE message (
    conversation_id UUID                     NOT NULL,
    seq             BIGINT                   NOT NULL,
    id              UUID                     NOT NULL,
    sender_id       UUID                     NOT NULL,
    client_id       VARCHAR(64)              NOT NULL,
    key_version     INTEGER,
    body            BYTEA,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT message_pk PRIMARY KEY (conversation_id, seq),
    CONSTRAINT message_id_uq UNIQUE (id),
    CONSTRAINT message_client_uq UNIQUE (conversation_id, sender_id, client_id),
    CONSTRAINT message_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE,
    CONSTRAINT message_body_ck CHECK ((deleted_at IS NULL) = (body IS NOT NULL AND key_version IS NOT NULL))
);

CREATE INDEX message_sender_ix ON message (conversation_id, sender_id, seq);

-- How far each reader has read.
CREATE TABLE conversation_reader (
    conversation_id UUID                     NOT NULL,
    reader_id       UUID                     NOT NULL,
    read_seq        BIGINT                   NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_reader_pk PRIMARY KEY (conversation_id, reader_id),
    CONSTRAINT conversation_reader_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE
);

-- Bubbles created before messaging have their conversation too.
INSERT INTO conversation (id, kind, last_seq, created_at, last_at, version)
SELECT id, 'BUBBLE', 0, created_at, created_at, 0 FROM bubble;

-- A file shared in a conversation, stored only once clamd found it clean (scanned_at, scanner). Its
-- name is sealed like a message body; its content lies encrypted in the region's blob store (blob,
-- a path under the region's folder) under a key of its own (file_key, sealed with the conversation's
-- data key key_version), in segments of 64 KiB, each AES-256-GCM.
CREATE TABLE conversation_file (
    id              UUID                     NOT NULL,
    conversation_id UUID                     NOT NULL,
    uploader_id     UUID                     NOT NULL,
    name            BYTEA                    NOT NULL,
    media_type      VARCHAR(127)             NOT NULL,
    size            BIGINT                   NOT NULL,
    key_version     INTEGER                  NOT NULL,
    file_key        BYTEA                    NOT NULL,
    blob            VARCHAR(200)             NOT NULL,
    scanned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    scanner         VARCHAR(120)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_file_pk PRIMARY KEY (id),
    CONSTRAINT conversation_file_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE,
    CONSTRAINT conversation_file_size_ck CHECK (size >= 0)
);

CREATE INDEX conversation_file_conversation_ix ON conversation_file (conversation_id, created_at);
