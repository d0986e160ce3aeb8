-- Custom SQL migration file, put your code below! --
-- Each channel's one secret (channels.secret, dropped by 0011) becomes two credentials, so that
-- deliveries and reads keep working with the value the channel already has: a signing secret,
-- stored 'plain:' here because SQL has no key — scripts/setup-db.ts encrypts it with
-- COMPTOIR_SECRET_KEY at the next start — and a read token, stored as its SHA-256. Rotate both
-- afterwards (npm run channel:rotate) to give the channel separate values. Two channels that
-- shared one secret cannot share a read token (token_hash is unique): the oldest keeps it, the
-- others need a rotation of their read token.
INSERT INTO "channel_credentials" ("channel_id", "kind", "secret_encrypted", "hint", "created_at")
SELECT "id", 'signing', 'plain:' || "secret", CASE WHEN length("secret") >= 12 THEN right("secret", 4) ELSE '' END, "created_at"
FROM "channels"
WHERE NOT EXISTS (SELECT 1 FROM "channel_credentials" k WHERE k."channel_id" = "channels"."id" AND k."kind" = 'signing');
--> statement-breakpoint
INSERT INTO "channel_credentials" ("channel_id", "kind", "token_hash", "hint", "created_at")
SELECT "id", 'read', encode(sha256(convert_to("secret", 'UTF8')), 'hex'), CASE WHEN length("secret") >= 12 THEN right("secret", 4) ELSE '' END, "created_at"
FROM "channels"
WHERE NOT EXISTS (SELECT 1 FROM "channel_credentials" k WHERE k."channel_id" = "channels"."id" AND k."kind" = 'read')
ORDER BY "created_at", "id"
ON CONFLICT ("token_hash") DO NOTHING;
