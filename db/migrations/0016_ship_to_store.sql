ALTER TABLE "locations" ADD COLUMN "transfer_lead_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "allow_ship_to_store" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_transfer_lead_days_range" CHECK ("locations"."transfer_lead_days" between 0 and 60);