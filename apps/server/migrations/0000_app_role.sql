-- The non-owner role tenant transactions switch to (SET LOCAL ROLE via withTenant).
-- Roles are cluster-wide, so creation is idempotent; the migrating user must be able to use it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'orbit_app') THEN
    CREATE ROLE orbit_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT orbit_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO orbit_app;
--> statement-breakpoint
-- Secures every table that has a tenant_id column: RLS enabled and forced, and DML granted
-- to orbit_app. Idempotent; each migration that adds a tenant-owned table calls it at its end.
CREATE OR REPLACE FUNCTION orbit_secure_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
  LOOP
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO orbit_app', t.relname);
  END LOOP;
END
$$;
