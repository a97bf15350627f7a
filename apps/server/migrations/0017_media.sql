CREATE TABLE "media" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"original_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" bigint NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"sizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"derived_bytes" bigint DEFAULT 0 NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "media" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_tenant_created_idx" ON "media" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "media_tenant_isolation" ON "media" AS PERMISSIVE FOR ALL TO public USING (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[])) WITH CHECK (tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[]));