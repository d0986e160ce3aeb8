ALTER TABLE "kpi_daily" DROP CONSTRAINT "kpi_daily_day_channel_location_key";--> statement-breakpoint
ALTER TABLE "kpi_daily" DROP CONSTRAINT "kpi_daily_nonnegative";--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_day_channel_location_shard_key" UNIQUE NULLS NOT DISTINCT("day","channel_id","location_id","shard");