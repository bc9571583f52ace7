-- Region boundary, visibility: the directory's own copy of what a search shows of each listed user
-- (names, title, email, company, the member's own mode), kept in step with accounts and companies
-- like the directory's words, so that a search reads no other feature's tables. The company's name
-- is not copied: a result asks company for it, so that a rename is never half seen.
CREATE TABLE directory_person (
    account_id   UUID         NOT NULL,
    company_id   UUID         NOT NULL,
    first_name   VARCHAR(100) NOT NULL,
    last_name    VARCHAR(100) NOT NULL,
    title        VARCHAR(100),
    email        VARCHAR(254) NOT NULL,
    member_mode  VARCHAR(16),
    CONSTRAINT directory_person_pk PRIMARY KEY (account_id),
    CONSTRAINT directory_person_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX directory_person_company_ix ON directory_person (company_id);

INSERT INTO directory_person (account_id, company_id, first_name, last_name, title, email, member_mode)
    SELECT a.id, a.company_id, a.first_name, a.last_name, a.title, a.email, a.visibility_mode
    FROM account a
    WHERE EXISTS (SELECT 1 FROM directory_entry d WHERE d.account_id = a.id);

-- a word without its person would be found and shown as nobody: its account is listed again
DELETE FROM directory_entry WHERE account_id NOT IN (SELECT account_id FROM directory_person);
