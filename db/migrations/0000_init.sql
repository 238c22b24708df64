CREATE TABLE `case_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`public_note` text,
	`internal_note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_log_case` ON `case_log` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text DEFAULT 'before' NOT NULL,
	`file` text NOT NULL,
	`thumb` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_photos_case` ON `case_photos` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`client_hash` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_supports_once` ON `case_supports` (`case_id`,`client_hash`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tracking_no` text NOT NULL,
	`follow_code_hash` text NOT NULL,
	`category_id` text NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`lat` real,
	`lng` real,
	`address` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`public_description` text,
	`publish` integer DEFAULT true NOT NULL,
	`reporter_name` text,
	`reporter_phone` text,
	`reporter_email` text,
	`source` text DEFAULT 'web' NOT NULL,
	`unit_id` text,
	`supporters` integer DEFAULT 0 NOT NULL,
	`duplicate_of` integer,
	`hidden` integer DEFAULT false NOT NULL,
	`hidden_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`accepted_at` integer,
	`due_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_tracking_no` ON `cases` (`tracking_no`);--> statement-breakpoint
CREATE INDEX `cases_state_category` ON `cases` (`state`,`category_id`);--> statement-breakpoint
CREATE INDEX `cases_created` ON `cases` (`created_at`);--> statement-breakpoint
CREATE INDEX `cases_lat_lng` ON `cases` (`lat`,`lng`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`national_code` text,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`unit_id` text,
	`accept_hours` integer DEFAULT 2 NOT NULL,
	`handle_amount` integer NOT NULL,
	`handle_unit` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tracking_seq` (
	`day` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
