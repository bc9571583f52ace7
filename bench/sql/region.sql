-- One region's share of the generated directory: company i lives in region (i % 6), its 100 users
-- are accounts 100 i .. 100 i + 99. Modes by i % 20: 0-11 public, 12-15 private, 16-17 closed,
-- 18 isolated, 19 organization; one user in 20 has an admin's derogation. Accounts n % 997 = 0 have a
-- network of 50 users spread over the regions. Variables: region (EMEA...), ri (0..5).
\set ON_ERROR_STOP on
\i names.sql
SET synchronous_commit = off;
-- dated a month back, as settled data: the repair scans look at recent rows only

INSERT INTO company (id, name, region, visibility_mode, hds, created_at, version)
SELECT md5('company-' || i)::uuid, 'Company ' || i, :'region',
       CASE WHEN i % 20 < 12 THEN 'PUBLIC' WHEN i % 20 < 16 THEN 'PRIVATE' WHEN i % 20 < 18 THEN 'CLOSED'
            WHEN i % 20 = 18 THEN 'ISOLATED' ELSE 'ORGANIZATION' END,
       FALSE, now() - INTERVAL '30 days', 1
FROM generate_series(0, 9999) i WHERE i % 6 = :ri;

INSERT INTO account (id, company_id, email, email_hash, first_name, last_name, language, reset_required, status,
                     token_generation, created_at, version, visibility_mode)
SELECT md5('account-' || g.n)::uuid, md5('company-' || (g.n / 100))::uuid,
       lower(f.name) || '.' || lower(l.name) || '.' || g.n || '@c' || (g.n / 100) || '.example',
       md5('email-' || g.n), f.name, l.name, 'en', FALSE, 'ACTIVE', 0, now() - INTERVAL '30 days', 1,
       CASE WHEN g.n % 20 <> 0 THEN NULL
            WHEN (g.n / 100) % 20 < 12 THEN 'PRIVATE'
            WHEN (g.n / 100) % 20 < 16 THEN 'PUBLIC'
            WHEN (g.n / 100) % 20 < 18 THEN 'PUBLIC' END
FROM generate_series(0, 999999) AS g(n)
JOIN first_name f ON f.n = (g.n::bigint * 7919) % (SELECT count(*) FROM first_name)
JOIN last_name l ON l.n = (g.n::bigint * 104729 / 7) % (SELECT count(*) FROM last_name)
WHERE (g.n / 100) % 6 = :ri;

INSERT INTO account_role (account_id, role) SELECT id, 'user' FROM account WHERE email LIKE '%@c%.example';

-- the directory, exactly as Iris writes it (SearchTerms, SearchScope.findable...)
INSERT INTO directory_entry (account_id, token, company_id, findable, findable_in_organization)
SELECT DISTINCT a.id, t.token, a.company_id,
       COALESCE(a.visibility_mode, c.visibility_mode) = 'PUBLIC',
       COALESCE(a.visibility_mode, CASE WHEN c.visibility_mode IN ('CLOSED', 'ISOLATED', 'ORGANIZATION') THEN 'PUBLIC'
                                        ELSE c.visibility_mode END) = 'PUBLIC'
FROM account a JOIN company c ON c.id = a.company_id
CROSS JOIN LATERAL (VALUES (lower(a.first_name || ' ' || a.last_name)), (lower(a.last_name || ' ' || a.first_name)),
                           (a.email)) AS t(token)
WHERE c.name LIKE 'Company %';

-- both halves of each generated contact whose owner lives here
WITH pairs AS (
    SELECT n, n + k * 101 AS m FROM generate_series(0, 999999, 997) n, generate_series(1, 50) k WHERE n + k * 101 < 1000000
), halves AS (
    SELECT n AS owner, m AS other FROM pairs UNION ALL SELECT m, n FROM pairs
)
INSERT INTO contact (owner_id, other_id, other_region, status, favorite, since, changed_at, version)
SELECT DISTINCT ON (owner, other) md5('account-' || owner)::uuid, md5('account-' || other)::uuid,
       (ARRAY['EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ'])[1 + (other / 100) % 6], 'ACTIVE', FALSE,
       now() - INTERVAL '30 days', now() - INTERVAL '30 days', 1
FROM halves WHERE (owner / 100) % 6 = :ri;

ANALYZE company;
ANALYZE account;
ANALYZE directory_entry;
ANALYZE contact;
