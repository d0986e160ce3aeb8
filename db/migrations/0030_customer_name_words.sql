CREATE TABLE "customer_name_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_name_words_trgm_idx" ON "customer_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_name_words_prefix_idx" ON "customer_name_words" USING btree ("word" text_pattern_ops);