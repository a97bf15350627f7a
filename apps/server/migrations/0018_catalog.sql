CREATE TABLE "collection_products" (
	"tenant_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "collection_products_tenant_id_collection_id_product_id_pk" PRIMARY KEY("tenant_id","collection_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "collection_products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "collections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"handle" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "collections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_variants" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"option_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sku" text,
	"price_cents" integer NOT NULL,
	"compare_at_price_cents" integer,
	"inventory_quantity" integer DEFAULT 0 NOT NULL,
	"track_inventory" boolean DEFAULT false NOT NULL,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_variants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "product_variants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seo_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seo_description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "is_sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_collection_fk" FOREIGN KEY ("tenant_id","collection_id") REFERENCES "public"."collections"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_products_tenant_order_idx" ON "collection_products" USING btree ("tenant_id","collection_id","position");--> statement-breakpoint
CREATE INDEX "collection_products_tenant_product_idx" ON "collection_products" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collections_tenant_handle_key" ON "collections" USING btree ("tenant_id","handle");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_tenant_product_position_key" ON "product_variants" USING btree ("tenant_id","product_id","position");--> statement-breakpoint
CREATE POLICY "collection_products_tenant_isolation" ON "collection_products" AS PERMISSIVE FOR ALL TO public USING (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[])) WITH CHECK (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[]));--> statement-breakpoint
CREATE POLICY "collections_tenant_isolation" ON "collections" AS PERMISSIVE FOR ALL TO public USING (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[])) WITH CHECK (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[]));--> statement-breakpoint
CREATE POLICY "product_variants_tenant_isolation" ON "product_variants" AS PERMISSIVE FOR ALL TO public USING (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[])) WITH CHECK (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[]));--> statement-breakpoint
-- Hand-written (ADR 060): the existing catalog moves into the new model. The owner runs this,
-- and FORCE'd RLS applies to owners too: lift it for the two tables read here (the runner's
-- orbit_secure_tenant_tables() forces it again right after the migration run).
ALTER TABLE "products" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "categories" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Categories become collections, keeping their ids.
INSERT INTO "collections" ("tenant_id", "id", "handle", "title", "description", "sort_order", "created_at", "updated_at")
SELECT "tenant_id", "id", "handle", "title", "description", "sort_order", "created_at", "updated_at" FROM "categories";--> statement-breakpoint
-- Each product gets one default variant with its price; "in stock" meant "not tracked",
-- "sold out" becomes a tracked inventory of 0.
INSERT INTO "product_variants" ("tenant_id", "product_id", "position", "option_values", "price_cents", "compare_at_price_cents", "inventory_quantity", "track_inventory", "allow_backorder")
SELECT "tenant_id", "id", 0, '[]'::jsonb, "price_cents", "compare_at_price_cents", 0, NOT "in_stock", false FROM "products";--> statement-breakpoint
-- A product's category becomes its membership of that collection, in listing order.
INSERT INTO "collection_products" ("tenant_id", "collection_id", "product_id", "position")
SELECT "tenant_id", "category_id", "id",
  (row_number() OVER (PARTITION BY "tenant_id", "category_id" ORDER BY "sort_order", "created_at" DESC) - 1)::int
FROM "products" WHERE "category_id" IS NOT NULL;--> statement-breakpoint
-- Descriptions were plain text (blank line = paragraph, newline = <br>), escaped when shown;
-- they are now HTML: the same paragraphs, escaped once here.
UPDATE "products" SET "description" = (
  SELECT coalesce(string_agg('<p>' || replace(para, E'\n', '<br>') || '</p>', E'\n' ORDER BY n), '')
  FROM regexp_split_to_table(
    replace(replace(replace(replace(replace(replace(replace("description", E'\r\n', E'\n'), E'\r', E'\n'),
      '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'),
    E'\n\\s*\n') WITH ORDINALITY AS t(raw, n)
  CROSS JOIN LATERAL (SELECT btrim(raw, E' \t\n') AS para) p
  WHERE para <> ''
) WHERE "description" <> '';--> statement-breakpoint
-- No merchant could edit products before this migration: the sample handles are the samples.
UPDATE "products" SET "is_sample" = true WHERE "handle" IN ('stoneware-mug', 'canvas-tote',
  'organic-cotton-tee', 'soy-candle', 'linen-notebook', 'terracotta-planter', 'insulated-bottle',
  'merino-beanie');
