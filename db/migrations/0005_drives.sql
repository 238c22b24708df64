CREATE TABLE `drive_cases` (
	`series_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`cleaned_occurrence_id` integer,
	FOREIGN KEY (`series_id`) REFERENCES `drive_series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drive_cases_pair` ON `drive_cases` (`series_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `drive_certificates` (
	`no` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`name` text NOT NULL,
	`hours` real NOT NULL,
	`items` text NOT NULL,
	`issued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drive_certificates_phone` ON `drive_certificates` (`phone`);--> statement-breakpoint
CREATE TABLE `drive_occurrences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`date` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`note` text,
	`checkin_code` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `drive_series`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drive_occurrences_day` ON `drive_occurrences` (`series_id`,`date`);--> statement-breakpoint
CREATE INDEX `drive_occurrences_starts` ON `drive_occurrences` (`starts_at`);--> statement-breakpoint
CREATE TABLE `drive_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`community` text NOT NULL,
	`address` text NOT NULL,
	`lat` real,
	`lng` real,
	`weekday` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`first_date` text NOT NULL,
	`capacity` integer NOT NULL,
	`hours` real NOT NULL,
	`bring` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`unit_id` text NOT NULL,
	`created_by` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `drive_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurrence_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`team` text NOT NULL,
	`org` text DEFAULT '' NOT NULL,
	`age_group` text NOT NULL,
	`guardian_name` text,
	`guardian_phone` text,
	`status` text NOT NULL,
	`wait_seq` integer,
	`checked_in_at` integer,
	`checkin_by` text,
	`attendance` text,
	`hours` real,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`promoted_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`occurrence_id`) REFERENCES `drive_occurrences`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drive_signups_phone` ON `drive_signups` (`occurrence_id`,`phone`);--> statement-breakpoint
CREATE INDEX `drive_signups_status` ON `drive_signups` (`occurrence_id`,`status`,`wait_seq`);--> statement-breakpoint
CREATE INDEX `drive_signups_by_phone` ON `drive_signups` (`phone`);