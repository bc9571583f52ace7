-- Region boundary, identity: accounts, their roles, PIN challenges, refresh tokens and the mail
-- outbox, all in the region of the account's company.

CREATE TABLE account (
    id                  UUID                     NOT NULL,
    company_id          UUID                     NOT NULL,
    email               VARCHAR(254)             NOT NULL,
    email_hash          VARCHAR(64)              NOT NULL,
    first_name          VARCHAR(100)             NOT NULL,
    last_name           VARCHAR(100)             NOT NULL,
    title               VARCHAR(100),
    language            VARCHAR(8)               NOT NULL,
    -- PBKDF2 in a self-describing format ($pbkdf2-sha256$i=...$salt$hash); NULL until a password is set.
    password_hash       VARCHAR(200),
    reset_required      BOOLEAN                  NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    -- Raised whenever every outstanding token of the account must stop working.
    token_generation    INTEGER                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_email_uk UNIQUE (email_hash),
    CONSTRAINT account_company_fk FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT account_status_ck CHECK (status IN ('ACTIVE', 'CLOSED'))
);

CREATE INDEX account_company_ix ON account (company_id);

CREATE TABLE account_role (
    account_id UUID        NOT NULL,
    role       VARCHAR(32) NOT NULL,
    CONSTRAINT account_role_pk PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT account_role_ck
        CHECK (role IN ('user', 'company_admin', 'bp_finance', 'bp_operation', 'superadmin'))
);

-- The one live PIN of an email for a purpose; a new request replaces it, success deletes it.
CREATE TABLE pin_challenge (
    email_hash      VARCHAR(64)              NOT NULL,
    purpose         VARCHAR(16)              NOT NULL,
    pin_hash        VARCHAR(64)              NOT NULL,
    -- the language the PIN mail was asked in, which a new account keeps
    language        VARCHAR(8)               NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pin_challenge_pk PRIMARY KEY (email_hash, purpose),
    CONSTRAINT pin_challenge_purpose_ck CHECK (purpose IN ('REGISTRATION', 'PASSWORD_RESET'))
);

-- Refresh tokens, stored as SHA-256 of the opaque token. A token is used once; its successor
-- belongs to the same family, and using a spent token ends the whole family.
CREATE TABLE refresh_token (
    token_hash VARCHAR(64)              NOT NULL,
    account_id UUID                     NOT NULL,
    family_id  UUID                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used       BOOLEAN                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT refresh_token_pk PRIMARY KEY (token_hash),
    CONSTRAINT refresh_token_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX refresh_token_account_ix ON refresh_token (account_id);
CREATE INDEX refresh_token_family_ix ON refresh_token (family_id);

-- Mails waiting for the mail server to accept them; a row is deleted once it has been sent.
CREATE TABLE mail_outbox (
    id              UUID                     NOT NULL,
    recipient       VARCHAR(254)             NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    text_body       VARCHAR(65536)           NOT NULL,
    html_body       VARCHAR(65536)           NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id)
);

CREATE INDEX mail_outbox_due_ix ON mail_outbox (next_attempt_at);
