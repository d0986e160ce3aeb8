ALTER TABLE "orders" ADD COLUMN "fulfilling_location_id" uuid;--> statement-breakpoint
-- Existing orders: their pickup or in-store location, else where their stock is (or was) reserved.
UPDATE "orders" o SET "fulfilling_location_id" = coalesce(o."location_id", (
  SELECT r."location_id" FROM "reservations" r WHERE r."order_id" = o."id"
  GROUP BY r."location_id" ORDER BY sum(r."quantity") DESC, r."location_id" LIMIT 1));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fulfilling_location_id_locations_id_fk" FOREIGN KEY ("fulfilling_location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_fulfilling_placed_idx" ON "orders" USING btree ("fulfilling_location_id","placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
