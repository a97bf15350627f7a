ALTER TYPE "public"."email_status" ADD VALUE 'sending' BEFORE 'sent';--> statement-breakpoint
ALTER TYPE "public"."email_status" ADD VALUE 'unknown' BEFORE 'failed';--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "token_ref" uuid;