-- PostgreSQL only (H2 keeps V4's plain indexes): prefix search at a million users.
-- With the "C" collation, a B-tree both answers "token LIKE 'abc%'" as a range and returns rows in
-- token order, so that a search stops after the page it needs instead of sorting every match.
-- Each index holds only the rows one kind of searcher may see: the users seen as public from
-- outside, and per company (own company, pairs, organization).
ALTER TABLE directory_entry ALTER COLUMN token TYPE VARCHAR(300) COLLATE "C";

DROP INDEX directory_entry_token_ix;
DROP INDEX directory_entry_company_ix;

CREATE INDEX directory_entry_findable_ix ON directory_entry (token) WHERE findable;
CREATE INDEX directory_entry_company_ix ON directory_entry (company_id, token);
CREATE INDEX directory_entry_organization_ix ON directory_entry (company_id, token) WHERE findable_in_organization;
