-- The legacy catalog columns and table, after 0018 copied them into the new model. (The
-- foreign key is dropped before the table it points at.)
ALTER TABLE "products" DROP CONSTRAINT "products_category_fk";--> statement-breakpoint
ALTER TABLE "categories" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY "categories_tenant_isolation" ON "categories" CASCADE;--> statement-breakpoint
DROP TABLE "categories" CASCADE;--> statement-breakpoint
DROP INDEX "products_tenant_category_idx";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "price_cents";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "compare_at_price_cents";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "currency";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "category_id";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "in_stock";
