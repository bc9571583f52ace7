-- Region boundary (one database per region, same schema in each): a company's own record.
-- The region column repeats the boundary so that a misrouted row is detectable.
CREATE TABLE company (
    id              UUID                     NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    region          VARCHAR(8)               NOT NULL,
    visibility_mode VARCHAR(16)              NOT NULL,
    hds             BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT company_pk PRIMARY KEY (id),
    CONSTRAINT company_region_ck
        CHECK (region IN ('EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ', 'CN', 'HDS')),
    CONSTRAINT company_visibility_ck
        CHECK (visibility_mode IN ('PUBLIC', 'PRIVATE', 'CLOSED', 'ISOLATED', 'ORGANIZATION')),
    -- An HDS company lives in the HDS boundary and nowhere else.
    CONSTRAINT company_hds_ck CHECK (hds = (region = 'HDS'))
);
