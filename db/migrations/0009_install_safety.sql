CREATE TYPE "public"."channel_credential_kind" AS ENUM('signing', 'read');--> statement-breakpoint
CREATE TABLE "channel_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"kind" "channel_credential_kind" NOT NULL,
	"secret_encrypted" text,
	"token_hash" text,
	"hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "channel_credentials_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "channel_credentials_value_by_kind" CHECK (("channel_credentials"."kind" = 'signing' and "channel_credentials"."secret_encrypted" is not null and "channel_credentials"."token_hash" is null) or ("channel_credentials"."kind" = 'read' and "channel_credentials"."token_hash" is not null and "channel_credentials"."secret_encrypted" is null))
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD COLUMN "counted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD COLUMN "applied_difference" integer;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD COLUMN "unit_cost_cents" integer;--> statement-breakpoint
ALTER TABLE "channel_credentials" ADD CONSTRAINT "channel_credentials_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_credentials_channel_idx" ON "channel_credentials" USING btree ("channel_id","kind");