CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
ALTER TABLE `cases` ADD `publish_photos` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `channel` text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `api_key_id` integer REFERENCES api_keys(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `source_name` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `attributes` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `media_url` text;--> statement-breakpoint
CREATE INDEX `cases_source_created` ON `cases` (`source`,`created_at`);--> statement-breakpoint
UPDATE `cases` SET `publish_photos` = `publish`;--> statement-breakpoint
UPDATE `cases` SET `channel` = 'api', `source_name` = 'Open311' WHERE `source` = 'open311';
