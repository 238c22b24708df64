CREATE INDEX `case_log_at` ON `case_log` (`at`);--> statement-breakpoint
CREATE INDEX `cases_unit_state` ON `cases` (`unit_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_duplicate_of` ON `cases` (`duplicate_of`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`due_at`);--> statement-breakpoint
CREATE INDEX `cases_map` ON `cases` (`lat`,`lng`,`state`,`hidden`,`category_id`,`tracking_no`);