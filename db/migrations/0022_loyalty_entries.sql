CREATE TYPE "public"."loyalty_entry_kind" AS ENUM('earn', 'reverse', 'redeem', 'adjust');--> statement-breakpoint
CREATE TABLE "loyalty_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"kind" "loyalty_entry_kind" NOT NULL,
	"order_id" uuid,
	"channel_id" uuid,
	"idempotency_key" text,
	"reason" text,
	"actor_id" uuid,
	"balance_after" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_entries_sign" CHECK (case "loyalty_entries"."kind" when 'earn' then "loyalty_entries"."points" > 0 when 'adjust' then "loyalty_entries"."points" <> 0 else "loyalty_entries"."points" < 0 end),
	CONSTRAINT "loyalty_entries_order_counted" CHECK ("loyalty_entries"."kind" not in ('earn', 'reverse') or "loyalty_entries"."order_id" is not null),
	CONSTRAINT "loyalty_entries_adjust_reason" CHECK ("loyalty_entries"."kind" <> 'adjust' or length(trim("loyalty_entries"."reason")) > 0),
	CONSTRAINT "loyalty_entries_key_has_channel" CHECK ("loyalty_entries"."idempotency_key" is null or "loyalty_entries"."channel_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_entries_earn_once" ON "loyalty_entries" USING btree ("order_id") WHERE "loyalty_entries"."kind" = 'earn';--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_entries_channel_key" ON "loyalty_entries" USING btree ("channel_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "loyalty_entries_customer_idx" ON "loyalty_entries" USING btree ("customer_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "loyalty_entries_order_idx" ON "loyalty_entries" USING btree ("order_id") WHERE "loyalty_entries"."order_id" is not null;