-- EMEA only: the built-in Default company that standalone users join. Always public.
-- Its routing row is in db/global/V1__company_routes.sql.
INSERT INTO company (id, name, region, visibility_mode, hds, created_at, version)
VALUES ('00000000-0000-0000-0000-000000000001', 'Default company', 'EMEA', 'PUBLIC', FALSE,
        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 1);
