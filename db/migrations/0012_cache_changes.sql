CREATE TABLE `cache_changes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`tag` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cache_changes_tag` ON `cache_changes` (`tag`);