CREATE TABLE `rollup_due` (
	`day` integer NOT NULL,
	`category_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`closed_on_time` integer NOT NULL,
	`handled_on_time` integer NOT NULL,
	`cases` integer NOT NULL,
	PRIMARY KEY(`day`, `category_id`, `unit_id`, `closed_on_time`, `handled_on_time`)
);
--> statement-breakpoint
CREATE TABLE `rollup_places` (
	`day` integer NOT NULL,
	`address` text NOT NULL,
	`cell` text NOT NULL,
	`lat` real,
	`cases` integer NOT NULL,
	PRIMARY KEY(`day`, `address`, `cell`)
);
--> statement-breakpoint
CREATE TABLE `rollup_rebuild` (
	`reason` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rollup_received` (
	`day` integer NOT NULL,
	`category_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`channel` text NOT NULL,
	`state` text NOT NULL,
	`rating` text NOT NULL,
	`cases` integer NOT NULL,
	`reworks` integer NOT NULL,
	`reworked` integer NOT NULL,
	PRIMARY KEY(`day`, `category_id`, `unit_id`, `channel`, `state`, `rating`)
);
--> statement-breakpoint
CREATE INDEX `cases_closed_durations` ON `cases` (`created_at`,`unit_id`,`category_id`,`accepted_at`,`resolved_at`,`closed_at`) WHERE state = 'closed' and hidden = 0;