ALTER TABLE "pages" ADD COLUMN "is_sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Hand-written (ADR 062). FORCE'd RLS applies to the owner running this: lift it for the tables
-- read and written here (the runner's orbit_secure_tenant_tables() forces it again after the run).
ALTER TABLE "pages" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "menus" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "collections" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- No merchant could edit pages before this migration: every page was seeded with the store.
UPDATE "pages" SET "is_sample" = true;--> statement-breakpoint
-- Bodies were plain text (blank line = paragraph, newline = <br>), escaped when shown; they are
-- now sanitised HTML: the same paragraphs, escaped once here (as 0018 did for descriptions).
UPDATE "pages" SET "body" = (
  SELECT coalesce(string_agg('<p>' || replace(para, E'\n', '<br>') || '</p>', E'\n' ORDER BY n), '')
  FROM regexp_split_to_table(
    replace(replace(replace(replace(replace(replace(replace("body", E'\r\n', E'\n'), E'\r', E'\n'),
      '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'),
    E'\n\\s*\n') WITH ORDINALITY AS t(raw, n)
  CROSS JOIN LATERAL (SELECT btrim(raw, E' \t\n') AS para) p
  WHERE para <> ''
) WHERE "body" <> '';--> statement-breakpoint
-- Menu items were { title, url }: links to this store's pages, collections and products become
-- links by id (they follow renamed handles); everything else stays a URL item.
UPDATE "menus" m SET "items" = coalesce((
  SELECT jsonb_agg(CASE
      WHEN pg.id IS NOT NULL THEN jsonb_build_object('type', 'page', 'id', pg.id, 'title', i.item->>'title')
      WHEN c.id IS NOT NULL THEN jsonb_build_object('type', 'collection', 'id', c.id, 'title', i.item->>'title')
      WHEN pr.id IS NOT NULL THEN jsonb_build_object('type', 'product', 'id', pr.id, 'title', i.item->>'title')
      ELSE jsonb_build_object('type', 'url', 'url', i.item->>'url', 'title', i.item->>'title')
    END ORDER BY i.n)
  FROM jsonb_array_elements(m."items") WITH ORDINALITY AS i(item, n)
  LEFT JOIN "pages" pg ON pg."tenant_id" = m."tenant_id"
    AND i.item->>'url' = '/pages/' || pg."handle"
  LEFT JOIN "collections" c ON c."tenant_id" = m."tenant_id"
    AND i.item->>'url' = '/collections/' || c."handle"
  LEFT JOIN "products" pr ON pr."tenant_id" = m."tenant_id"
    AND i.item->>'url' = '/products/' || pr."handle"
), '[]'::jsonb) WHERE jsonb_typeof(m."items") = 'array';
