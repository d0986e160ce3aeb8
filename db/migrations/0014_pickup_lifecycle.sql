ALTER TYPE "public"."pickup_state" ADD VALUE 'awaiting_transfer';--> statement-breakpoint
ALTER TYPE "public"."pickup_state" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "pickup_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "preparation_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "opening_hours" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "picking_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "picking_started_by_id" uuid;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "awaiting_transfer_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "transfer_id" uuid;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "ready_by_id" uuid;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "reminders_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "hold_extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "collected_by_name" text;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "rejected_by_id" uuid;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_picking_started_by_id_staff_users_id_fk" FOREIGN KEY ("picking_started_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_ready_by_id_staff_users_id_fk" FOREIGN KEY ("ready_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_rejected_by_id_staff_users_id_fk" FOREIGN KEY ("rejected_by_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Codes were drawn at random before: two ready parcels of one store could share one. The later
-- one gets a fresh code, so the index below can hold.
DO $$
DECLARE
  dup record;
  fresh text;
BEGIN
  FOR dup IN
    SELECT id, location_id FROM (
      SELECT id, location_id, row_number() OVER (PARTITION BY location_id, code ORDER BY ready_at, id) AS rn
      FROM pickups WHERE state = 'ready'
    ) d WHERE rn > 1
  LOOP
    LOOP
      fresh := lpad(floor(random() * 1000000)::int::text, 6, '0');
      EXIT WHEN NOT EXISTS (SELECT 1 FROM pickups WHERE location_id = dup.location_id AND state = 'ready' AND code = fresh);
    END LOOP;
    UPDATE pickups SET code = fresh WHERE id = dup.id;
  END LOOP;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "pickups_ready_code_key" ON "pickups" USING btree ("location_id","code") WHERE "pickups"."state" = 'ready';--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_preparation_minutes_range" CHECK ("locations"."preparation_minutes" between 0 and 10080);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_opening_hours_object" CHECK (jsonb_typeof("locations"."opening_hours") = 'object');--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_locale_known" CHECK ("customers"."locale" is null or "customers"."locale" in ('fr', 'en'));--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_reminders_sent_range" CHECK ("pickups"."reminders_sent" >= 0);