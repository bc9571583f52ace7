-- The global rows of the generated directory: routes of the 10,000 companies, 50 organizations of
-- 20 companies (the private ones, i % 20 = 12, as headquarters, and the organization-mode ones),
-- and "visibility by" pairs between each closed company (i % 20 = 16) and a public one.
\set ON_ERROR_STOP on
INSERT INTO company_route (company_id, region, visibility_mode, created_at)
SELECT md5('company-' || i)::uuid, (ARRAY['EMEA', 'DE', 'NA', 'CALA', 'APAC', 'ANZ'])[1 + i % 6],
       CASE WHEN i % 20 < 12 THEN 'PUBLIC' WHEN i % 20 < 16 THEN 'PRIVATE' WHEN i % 20 < 18 THEN 'CLOSED'
            WHEN i % 20 = 18 THEN 'ISOLATED' ELSE 'ORGANIZATION' END, now() - INTERVAL '30 days'
FROM generate_series(0, 9999) i
-- Iris's route repair may have routed the companies already, while the regions were loading
ON CONFLICT (company_id) DO NOTHING;

INSERT INTO organization (id, name, created_at)
SELECT md5('organization-' || k)::uuid, 'Organization ' || k, now() FROM generate_series(0, 49) k;

INSERT INTO organization_member (company_id, organization_id)
SELECT md5('company-' || i)::uuid, md5('organization-' || ((i / 20) % 50))::uuid
FROM generate_series(0, 9999) i WHERE i % 20 IN (12, 19);

INSERT INTO visibility_pair (company_id, other_id, created_at)
SELECT CASE WHEN a::text < b::text THEN a ELSE b END, CASE WHEN a::text < b::text THEN b ELSE a END, now()
FROM (SELECT md5('company-' || i)::uuid AS a, md5('company-' || (i - 16))::uuid AS b
      FROM generate_series(16, 9999, 20) i) p;
