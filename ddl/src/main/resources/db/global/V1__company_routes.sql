-- Global boundary: only what every node needs to route a request to a company's region
-- and, later, to decide visibility. Nothing personal is kept here.
CREATE TABLE company_route (
    company_id      UUID                     NOT NULL,
    region          VARCHAR(8)               NOT NULL,
    visibility_mode VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT company_route_pk PRIMARY KEY (company_id),
    CONSTRAINT company_route_region_ck
        CHECK (region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS')),
    CONSTRAINT company_route_visibility_ck
        CHECK (visibility_mode IN ('PUBLIC', 'PRIVATE', 'CLOSED', 'ISOLATED', 'ORGANIZATION'))
);

CREATE INDEX company_route_region_ix ON company_route (region);

-- The built-in Default company lives in EMEA (see db/emea).
INSERT INTO company_route (company_id, region, visibility_mode, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'EMEA', 'PUBLIC', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');
