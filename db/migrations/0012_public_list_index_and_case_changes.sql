CREATE TABLE `case_changes` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_changes_seq` ON `case_changes` (`seq`);--> statement-breakpoint
DROP INDEX `cases_created`;--> statement-breakpoint
DROP INDEX `cases_map`;--> statement-breakpoint
CREATE INDEX `cases_public_list` ON `cases` (`created_at`,`id`,`hidden`,`state`,`category_id`,`unit_id`,`lat`,`lng`,`due_at`);--> statement-breakpoint
-- Every writer marks the case it changed (what the public map shows of it): the map's in-memory index refreshes
-- those rows, whichever process or tool wrote them. One row per case, its latest change.
CREATE TRIGGER `case_changes_ai` AFTER INSERT ON `cases` BEGIN
  INSERT OR REPLACE INTO `case_changes`(`case_id`, `seq`) VALUES (new.`id`, coalesce((SELECT max(`seq`) FROM `case_changes`), 0) + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `case_changes_au` AFTER UPDATE OF `state`, `hidden`, `lat`, `lng`, `category_id`, `unit_id`, `created_at`, `tracking_no` ON `cases` BEGIN
  INSERT OR REPLACE INTO `case_changes`(`case_id`, `seq`) VALUES (new.`id`, coalesce((SELECT max(`seq`) FROM `case_changes`), 0) + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `case_changes_ad` AFTER DELETE ON `cases` BEGIN
  INSERT OR REPLACE INTO `case_changes`(`case_id`, `seq`) VALUES (old.`id`, coalesce((SELECT max(`seq`) FROM `case_changes`), 0) + 1);
END;
