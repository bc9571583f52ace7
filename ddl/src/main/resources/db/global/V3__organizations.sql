-- Global boundary, company administration: what visibility between companies depends on, set by a
-- superadmin. Names of organizations are business names, nothing personal.

CREATE TABLE organization (
    id         UUID                     NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organization_pk PRIMARY KEY (id)
);

-- A company belongs to at most one organization.
CREATE TABLE organization_member (
    company_id      UUID NOT NULL,
    organization_id UUID NOT NULL,
    CONSTRAINT organization_member_pk PRIMARY KEY (company_id),
    CONSTRAINT organization_member_company_fk FOREIGN KEY (company_id) REFERENCES company_route (company_id),
    CONSTRAINT organization_member_organization_fk FOREIGN KEY (organization_id) REFERENCES organization (id)
);

CREATE INDEX organization_member_organization_ix ON organization_member (organization_id);

-- "Visibility by": the members of two companies see each other whatever their modes. One row per
-- pair, the smaller id (as text) first.
CREATE TABLE visibility_pair (
    company_id UUID                     NOT NULL,
    other_id   UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT visibility_pair_pk PRIMARY KEY (company_id, other_id),
    CONSTRAINT visibility_pair_company_fk FOREIGN KEY (company_id) REFERENCES company_route (company_id),
    CONSTRAINT visibility_pair_other_fk FOREIGN KEY (other_id) REFERENCES company_route (company_id)
);

CREATE INDEX visibility_pair_other_ix ON visibility_pair (other_id);
