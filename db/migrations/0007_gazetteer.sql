CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`kind` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`line` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `places_name` ON `places` (`name`);