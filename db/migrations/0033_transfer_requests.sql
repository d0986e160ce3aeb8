ALTER TYPE "public"."transfer_status" ADD VALUE 'requested';--> statement-breakpoint
ALTER TYPE "public"."transfer_status" ADD VALUE 'accepted';--> statement-breakpoint
ALTER TYPE "public"."transfer_status" ADD VALUE 'declined';--> statement-breakpoint
ALTER TABLE "transfer_lines" DROP CONSTRAINT "transfer_lines_quantity_positive";--> statement-breakpoint
ALTER TABLE "transfer_lines" ADD COLUMN "quantity_requested" integer;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "needed_by" date;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "expected_on" date;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "decided_by_id" uuid;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_decided_by_id_staff_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_lines" ADD CONSTRAINT "transfer_lines_requested_positive" CHECK ("transfer_lines"."quantity_requested" is null or "transfer_lines"."quantity_requested" > 0);--> statement-breakpoint
ALTER TABLE "transfer_lines" ADD CONSTRAINT "transfer_lines_quantity_positive" CHECK ("transfer_lines"."quantity" > 0 or ("transfer_lines"."quantity" = 0 and "transfer_lines"."quantity_requested" is not null));--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_decision_reason_length" CHECK (char_length("transfers"."decision_reason") <= 500);