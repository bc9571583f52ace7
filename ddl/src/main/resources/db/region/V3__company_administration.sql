-- Region boundary, company administration: business partners and the customers they manage,
-- admin restrictions, member visibility overrides, PBX systems and extensions, subscriptions and
-- licences, and invitations to join a company.

-- A business partner (BP) manages end-customer companies (EC). managed_by is the BP's id as text:
-- the BP may live in another region, so no foreign key can hold it.
ALTER TABLE company ADD COLUMN business_partner BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE company ADD COLUMN managed_by VARCHAR(36);
ALTER TABLE company ADD COLUMN description VARCHAR(1000);
ALTER TABLE company ADD COLUMN file_sharing_forbidden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE company ADD COLUMN name_edit_forbidden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE company ADD CONSTRAINT company_partner_ck CHECK (NOT (business_partner AND managed_by IS NOT NULL));

CREATE INDEX company_managed_by_ix ON company (managed_by);

-- NULL: the member inherits the company's mode.
ALTER TABLE account ADD COLUMN visibility_mode VARCHAR(16);
ALTER TABLE account ADD COLUMN file_sharing_forbidden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_visibility_ck
    CHECK (visibility_mode IS NULL OR visibility_mode IN ('PUBLIC', 'PRIVATE', 'CLOSED', 'ISOLATED'));

CREATE TABLE pbx_system (
    id         UUID                     NOT NULL,
    company_id UUID                     NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT pbx_system_pk PRIMARY KEY (id),
    CONSTRAINT pbx_system_company_fk FOREIGN KEY (company_id) REFERENCES company (id)
);

CREATE INDEX pbx_system_company_ix ON pbx_system (company_id);

-- An extension of a PBX linked to one member of the PBX's company; a member has at most one
-- extension per PBX.
CREATE TABLE pbx_extension (
    system_id  UUID        NOT NULL,
    number     VARCHAR(32) NOT NULL,
    account_id UUID        NOT NULL,
    CONSTRAINT pbx_extension_pk PRIMARY KEY (system_id, number),
    CONSTRAINT pbx_extension_account_uk UNIQUE (system_id, account_id),
    CONSTRAINT pbx_extension_system_fk FOREIGN KEY (system_id) REFERENCES pbx_system (id) ON DELETE CASCADE,
    CONSTRAINT pbx_extension_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX pbx_extension_account_ix ON pbx_extension (account_id);

CREATE TABLE subscription (
    id         UUID                     NOT NULL,
    company_id UUID                     NOT NULL,
    offer      VARCHAR(16)              NOT NULL,
    billing    VARCHAR(16)              NOT NULL,
    seats      INTEGER                  NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT subscription_pk PRIMARY KEY (id),
    CONSTRAINT subscription_company_fk FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT subscription_offer_ck CHECK (offer IN ('ESSENTIAL', 'BUSINESS', 'ENTERPRISE')),
    CONSTRAINT subscription_billing_ck CHECK (billing IN ('MONTHLY', 'PREPAID')),
    CONSTRAINT subscription_seats_ck CHECK (seats >= 1),
    CONSTRAINT subscription_status_ck CHECK (status IN ('ACTIVE', 'CANCELED'))
);

CREATE INDEX subscription_company_ix ON subscription (company_id);

-- A member's licence: one seat of one of the company's subscriptions.
CREATE TABLE licence (
    account_id      UUID                     NOT NULL,
    subscription_id UUID                     NOT NULL,
    allocated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT licence_pk PRIMARY KEY (account_id),
    CONSTRAINT licence_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT licence_subscription_fk FOREIGN KEY (subscription_id) REFERENCES subscription (id)
);

CREATE INDEX licence_subscription_ix ON licence (subscription_id);

-- An invitation by email to join a company; the mailed link's token is stored only as its SHA-256.
CREATE TABLE company_invitation (
    token_hash VARCHAR(64)              NOT NULL,
    company_id UUID                     NOT NULL,
    email      VARCHAR(254)             NOT NULL,
    email_hash VARCHAR(64)              NOT NULL,
    roles      VARCHAR(100)             NOT NULL,
    language   VARCHAR(8)               NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT company_invitation_pk PRIMARY KEY (token_hash),
    CONSTRAINT company_invitation_company_fk FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
);

CREATE INDEX company_invitation_email_ix ON company_invitation (email_hash);
