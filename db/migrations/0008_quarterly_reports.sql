CREATE TABLE `quarterly_reports` (
	`quarter` text PRIMARY KEY NOT NULL,
	`typical_cases` text NOT NULL,
	`next_steps_zh` text DEFAULT '' NOT NULL,
	`next_steps_en` text DEFAULT '' NOT NULL,
	`snapshot` text,
	`pdf_zh` blob,
	`pdf_en` blob,
	`published_at` integer,
	`published_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
