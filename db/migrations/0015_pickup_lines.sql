CREATE TYPE "public"."pick_short_reason" AS ENUM('not_found', 'damaged');--> statement-breakpoint
CREATE TABLE "pickup_lines" (
	"pickup_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity_picked" integer DEFAULT 0 NOT NULL,
	"quantity_short" integer DEFAULT 0 NOT NULL,
	"short_reason" "pick_short_reason",
	"picked_at" timestamp with time zone,
	"picked_by_id" uuid,
	"short_at" timestamp with time zone,
	"short_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pickup_lines_pickup_id_order_line_id_pk" PRIMARY KEY("pickup_id","order_line_id"),
	CONSTRAINT "pickup_lines_quantities" CHECK ("pickup_lines"."quantity_picked" >= 0 and "pickup_lines"."quantity_short" >= 0),
	CONSTRAINT "pickup_lines_short_has_reason" CHECK (("pickup_lines"."quantity_short" = 0) = ("pickup_lines"."short_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "pickup_lines" ADD CONSTRAINT "pickup_lines_pickup_id_pickups_id_fk" FOREIGN KEY ("pickup_id") REFERENCES "public"."pickups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_lines" ADD CONSTRAINT "pickup_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_lines" ADD CONSTRAINT "pickup_lines_picked_by_id_staff_users_id_fk" FOREIGN KEY ("picked_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_lines" ADD CONSTRAINT "pickup_lines_short_by_id_staff_users_id_fk" FOREIGN KEY ("short_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pickup_lines_order_line_idx" ON "pickup_lines" USING btree ("order_line_id");