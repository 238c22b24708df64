DROP INDEX `cases_created`;--> statement-breakpoint
DROP INDEX `cases_map`;--> statement-breakpoint
CREATE INDEX `cases_public_list` ON `cases` (`created_at`,`id`,`hidden`,`state`,`category_id`,`unit_id`,`lat`,`lng`,`due_at`);