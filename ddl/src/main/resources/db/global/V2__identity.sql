-- Global boundary, identity: what routes a login to its region and what every node must share to
-- refuse what must be refused. Emails and addresses appear only as keyed hashes (HMAC under the
-- server secret), never in clear.

-- Which region holds the account of an email.
CREATE TABLE account_route (
    email_hash VARCHAR(64)              NOT NULL,
    account_id UUID                     NOT NULL,
    region     VARCHAR(8)               NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_route_pk PRIMARY KEY (email_hash),
    CONSTRAINT account_route_account_uk UNIQUE (account_id),
    CONSTRAINT account_route_region_ck
        CHECK (region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS'))
);

-- Which company owns an email domain (set by a superadmin; a self-registering user joins it).
CREATE TABLE company_domain (
    domain     VARCHAR(253) NOT NULL,
    company_id UUID         NOT NULL,
    CONSTRAINT company_domain_pk PRIMARY KEY (domain),
    CONSTRAINT company_domain_company_fk FOREIGN KEY (company_id) REFERENCES company_route (company_id)
);

CREATE INDEX company_domain_company_ix ON company_domain (company_id);

-- Counters that slow down repeated attempts (failed logins per account and per source address,
-- PIN requests per email). The key is a keyed hash; a row is forgotten once its window is over.
CREATE TABLE throttle (
    key_hash          VARCHAR(64)              NOT NULL,
    hits              INTEGER                  NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT throttle_pk PRIMARY KEY (key_hash)
);

-- Access tokens of an account issued before its current generation are revoked (password changed
-- or reset, reset forced, account closed). Every node keeps the recent rows in memory.
CREATE TABLE account_revocation (
    account_id UUID                     NOT NULL,
    generation INTEGER                  NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_revocation_pk PRIMARY KEY (account_id)
);

CREATE INDEX account_revocation_revoked_ix ON account_revocation (revoked_at);

-- Single access tokens revoked at logout, until they would have expired anyway.
CREATE TABLE revoked_token (
    jti        VARCHAR(64)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_token_pk PRIMARY KEY (jti)
);

CREATE INDEX revoked_token_expires_ix ON revoked_token (expires_at);
