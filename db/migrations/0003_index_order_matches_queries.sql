DROP INDEX "inventory_counts_location_idx";--> statement-breakpoint
DROP INDEX "movements_variant_location_time_idx";--> statement-breakpoint
DROP INDEX "movements_location_time_idx";--> statement-breakpoint
DROP INDEX "transfers_source_idx";--> statement-breakpoint
DROP INDEX "transfers_destination_idx";--> statement-breakpoint
DROP INDEX "customer_notes_customer_idx";--> statement-breakpoint
DROP INDEX "customers_last_order_idx";--> statement-breakpoint
DROP INDEX "orders_placed_idx";--> statement-breakpoint
DROP INDEX "orders_channel_placed_idx";--> statement-breakpoint
DROP INDEX "orders_status_placed_idx";--> statement-breakpoint
DROP INDEX "orders_location_placed_idx";--> statement-breakpoint
DROP INDEX "orders_customer_placed_idx";--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
DROP INDEX "audit_log_time_idx";--> statement-breakpoint
CREATE INDEX "inventory_counts_location_idx" ON "inventory_counts" USING btree ("location_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "movements_variant_location_time_idx" ON "inventory_movements" USING btree ("variant_id","location_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "movements_location_time_idx" ON "inventory_movements" USING btree ("location_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transfers_source_idx" ON "transfers" USING btree ("source_location_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transfers_destination_idx" ON "transfers" USING btree ("destination_location_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customer_notes_customer_idx" ON "customer_notes" USING btree ("customer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customers_last_order_idx" ON "customers" USING btree ("last_order_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_channel_placed_idx" ON "orders" USING btree ("channel_id","placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_status_placed_idx" ON "orders" USING btree ("status","placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_location_placed_idx" ON "orders" USING btree ("location_id","placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_customer_placed_idx" ON "orders" USING btree ("customer_id","placed_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_time_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST);