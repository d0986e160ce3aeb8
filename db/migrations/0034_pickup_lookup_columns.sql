DROP INDEX "pickups_ready_due_idx";--> statement-breakpoint
DROP INDEX "pickups_closed_idx";--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "order_number" text;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "search_name" text;--> statement-breakpoint
CREATE INDEX "pickups_ready_due_idx" ON "pickups" USING btree ("location_id","due_by","id","order_id","code","ready_at","order_number","search_name","state","placed_at","transfer_id","closed_at") WHERE "pickups"."state" = 'ready';--> statement-breakpoint
CREATE INDEX "pickups_closed_idx" ON "pickups" USING btree ("location_id","state","closed_at") WHERE "pickups"."state" in ('collected', 'expired');