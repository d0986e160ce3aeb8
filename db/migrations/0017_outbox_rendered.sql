ALTER TYPE "public"."notification_status" ADD VALUE 'kept';--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "body_text" text;