-- Full-text search for the staff console. The trigram tokenizer finds Chinese substrings
-- (MATCH '垃圾落' finds 人民广场东侧垃圾落地); queries under 3 characters fall back to LIKE.
CREATE VIRTUAL TABLE `cases_fts` USING fts5(`tracking_no`, `address`, `description`, content='cases', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `cases_fts`(`rowid`, `tracking_no`, `address`, `description`) SELECT `id`, `tracking_no`, `address`, `description` FROM `cases`;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_ai` AFTER INSERT ON `cases` BEGIN
  INSERT INTO `cases_fts`(`rowid`, `tracking_no`, `address`, `description`) VALUES (new.`id`, new.`tracking_no`, new.`address`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_ad` AFTER DELETE ON `cases` BEGIN
  INSERT INTO `cases_fts`(`cases_fts`, `rowid`, `tracking_no`, `address`, `description`) VALUES ('delete', old.`id`, old.`tracking_no`, old.`address`, old.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_au` AFTER UPDATE OF `tracking_no`, `address`, `description` ON `cases` BEGIN
  INSERT INTO `cases_fts`(`cases_fts`, `rowid`, `tracking_no`, `address`, `description`) VALUES ('delete', old.`id`, old.`tracking_no`, old.`address`, old.`description`);
  INSERT INTO `cases_fts`(`rowid`, `tracking_no`, `address`, `description`) VALUES (new.`id`, new.`tracking_no`, new.`address`, new.`description`);
END;
