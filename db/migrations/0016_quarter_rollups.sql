CREATE TABLE `rollup_duration_counts` (
	`quarter` integer NOT NULL,
	`grp` text NOT NULL,
	`kind` integer NOT NULL,
	`cases` integer NOT NULL,
	PRIMARY KEY(`quarter`, `grp`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `rollup_durations` (
	`case_id` integer NOT NULL,
	`kind` integer NOT NULL,
	`quarter` integer NOT NULL,
	`unit_id` text NOT NULL,
	`category_id` text NOT NULL,
	`ms` integer NOT NULL,
	PRIMARY KEY(`case_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `rollup_durations_total` ON `rollup_durations` (`quarter`,`kind`,`ms`);--> statement-breakpoint
CREATE INDEX `rollup_durations_unit` ON `rollup_durations` (`quarter`,`unit_id`,`kind`,`ms`);--> statement-breakpoint
CREATE INDEX `rollup_durations_category` ON `rollup_durations` (`quarter`,`category_id`,`kind`,`ms`);--> statement-breakpoint
CREATE TABLE `rollup_places_q` (
	`quarter` integer NOT NULL,
	`address` text NOT NULL,
	`cell` text NOT NULL,
	`lat` real,
	`cases` integer NOT NULL,
	PRIMARY KEY(`quarter`, `address`, `cell`)
);
--> statement-breakpoint
CREATE TABLE `rollup_received_q` (
	`quarter` integer NOT NULL,
	`category_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`channel` text NOT NULL,
	`state` text NOT NULL,
	`rating` text NOT NULL,
	`cases` integer NOT NULL,
	`reworks` integer NOT NULL,
	`reworked` integer NOT NULL,
	PRIMARY KEY(`quarter`, `category_id`, `unit_id`, `channel`, `state`, `rating`)
);
--> statement-breakpoint
-- Quarter rollups and handling times (db/schema-rollups.ts): the triggers of 0011 again, keyed by the Asia/Shanghai
-- quarter of created_at (year * 4 + q - 1) instead of its day, plus each closed case's durations. db/rollups.ts recounts the same.
CREATE TRIGGER `rollup_q_case_added` AFTER INSERT ON `cases` BEGIN
  INSERT INTO rollup_received_q (quarter, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), NEW.category_id, coalesce(NEW.unit_id, ''), NEW.channel, NEW.state, coalesce(NEW.rating, ''), 1, r, r > 0
    FROM (SELECT (SELECT count(*) FROM case_log l WHERE l.case_id = NEW.id AND l.action = 'rework') AS r) WHERE NEW.hidden = 0
    ON CONFLICT DO UPDATE SET cases = cases + 1, reworks = reworks + excluded.reworks, reworked = reworked + excluded.reworked;
  INSERT INTO rollup_places_q (quarter, address, cell, lat, cases)
    SELECT (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), NEW.address, CASE WHEN NEW.lat IS NOT NULL AND NEW.lng IS NOT NULL THEN CAST(floor(NEW.lat / 0.0009) AS integer) || ':' || CAST(floor(NEW.lng / (0.0009 / cos((floor(NEW.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END, NEW.lat, 1
    WHERE NEW.hidden = 0 AND NEW.state <> 'submitted'
    ON CONFLICT DO UPDATE SET cases = cases + 1, lat = coalesce(lat, excluded.lat);
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_q_case_changed` AFTER UPDATE ON `cases` WHEN OLD.state IS NOT NEW.state OR OLD.hidden IS NOT NEW.hidden OR OLD.category_id IS NOT NEW.category_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.channel IS NOT NEW.channel OR OLD.rating IS NOT NEW.rating OR OLD.created_at IS NOT NEW.created_at OR OLD.due_at IS NOT NEW.due_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.address IS NOT NEW.address OR OLD.lat IS NOT NEW.lat OR OLD.lng IS NOT NEW.lng BEGIN
  UPDATE rollup_received_q SET cases = cases - 1, reworks = reworks - (SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework'), reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework') > 0)
    WHERE OLD.hidden = 0 AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '');
  DELETE FROM rollup_received_q WHERE OLD.hidden = 0 AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '') AND cases = 0;
  UPDATE rollup_places_q SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END;
  DELETE FROM rollup_places_q WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END AND cases = 0;
  INSERT INTO rollup_received_q (quarter, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), NEW.category_id, coalesce(NEW.unit_id, ''), NEW.channel, NEW.state, coalesce(NEW.rating, ''), 1, r, r > 0
    FROM (SELECT (SELECT count(*) FROM case_log l WHERE l.case_id = NEW.id AND l.action = 'rework') AS r) WHERE NEW.hidden = 0
    ON CONFLICT DO UPDATE SET cases = cases + 1, reworks = reworks + excluded.reworks, reworked = reworked + excluded.reworked;
  INSERT INTO rollup_places_q (quarter, address, cell, lat, cases)
    SELECT (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), NEW.address, CASE WHEN NEW.lat IS NOT NULL AND NEW.lng IS NOT NULL THEN CAST(floor(NEW.lat / 0.0009) AS integer) || ':' || CAST(floor(NEW.lng / (0.0009 / cos((floor(NEW.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END, NEW.lat, 1
    WHERE NEW.hidden = 0 AND NEW.state <> 'submitted'
    ON CONFLICT DO UPDATE SET cases = cases + 1, lat = coalesce(lat, excluded.lat);
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_q_case_removed` AFTER DELETE ON `cases` BEGIN
  UPDATE rollup_received_q SET cases = cases - 1, reworks = reworks - (SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework'), reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework') > 0)
    WHERE OLD.hidden = 0 AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '');
  DELETE FROM rollup_received_q WHERE OLD.hidden = 0 AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '') AND cases = 0;
  UPDATE rollup_places_q SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END;
  DELETE FROM rollup_places_q WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND quarter = (CAST(strftime('%Y', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', OLD.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END AND cases = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_q_rework_logged` AFTER INSERT ON `case_log` WHEN NEW.action = 'rework' BEGIN
  UPDATE rollup_received_q SET reworks = reworks + 1,
    reworked = reworked + ((SELECT count(*) FROM case_log l WHERE l.case_id = NEW.case_id AND l.action = 'rework') = 1)
    FROM cases c WHERE c.id = NEW.case_id AND c.hidden = 0 AND rollup_received_q.quarter = (CAST(strftime('%Y', c.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', c.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND rollup_received_q.category_id = c.category_id AND rollup_received_q.unit_id = coalesce(c.unit_id, '') AND rollup_received_q.channel = c.channel AND rollup_received_q.state = c.state AND rollup_received_q.rating = coalesce(c.rating, '');
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_q_rework_unlogged` AFTER DELETE ON `case_log` WHEN OLD.action = 'rework' BEGIN
  UPDATE rollup_received_q SET reworks = reworks - 1,
    reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.case_id AND l.action = 'rework') = 0)
    FROM cases c WHERE c.id = OLD.case_id AND c.hidden = 0 AND rollup_received_q.quarter = (CAST(strftime('%Y', c.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', c.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3) AND rollup_received_q.category_id = c.category_id AND rollup_received_q.unit_id = coalesce(c.unit_id, '') AND rollup_received_q.channel = c.channel AND rollup_received_q.state = c.state AND rollup_received_q.rating = coalesce(c.rating, '');
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_durations_added` AFTER INSERT ON `cases` BEGIN
  INSERT INTO rollup_durations (case_id, kind, quarter, unit_id, category_id, ms)
    SELECT NEW.id, k, (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), coalesce(NEW.unit_id, ''), NEW.category_id, ms
    FROM (SELECT 0 AS k, NEW.closed_at - NEW.created_at AS ms UNION ALL SELECT 1, NEW.resolved_at - coalesce(NEW.accepted_at, NEW.created_at) UNION ALL SELECT 2, NEW.closed_at - NEW.resolved_at)
    WHERE NEW.state = 'closed' AND NEW.hidden = 0 AND ms IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_durations_changed` AFTER UPDATE ON `cases` WHEN OLD.state IS NOT NEW.state OR OLD.hidden IS NOT NEW.hidden OR OLD.unit_id IS NOT NEW.unit_id OR OLD.category_id IS NOT NEW.category_id OR OLD.created_at IS NOT NEW.created_at OR OLD.accepted_at IS NOT NEW.accepted_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.closed_at IS NOT NEW.closed_at BEGIN
  DELETE FROM rollup_durations WHERE case_id = OLD.id;
  INSERT INTO rollup_durations (case_id, kind, quarter, unit_id, category_id, ms)
    SELECT NEW.id, k, (CAST(strftime('%Y', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 + (CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3), coalesce(NEW.unit_id, ''), NEW.category_id, ms
    FROM (SELECT 0 AS k, NEW.closed_at - NEW.created_at AS ms UNION ALL SELECT 1, NEW.resolved_at - coalesce(NEW.accepted_at, NEW.created_at) UNION ALL SELECT 2, NEW.closed_at - NEW.resolved_at)
    WHERE NEW.state = 'closed' AND NEW.hidden = 0 AND ms IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_durations_removed` AFTER DELETE ON `cases` BEGIN
  DELETE FROM rollup_durations WHERE case_id = OLD.id;
END;
--> statement-breakpoint
-- The ranks: rollup_duration_counts follows rollup_durations row by row.
CREATE TRIGGER `rollup_duration_counted` AFTER INSERT ON `rollup_durations` BEGIN
  INSERT INTO rollup_duration_counts (quarter, grp, kind, cases)
    SELECT NEW.quarter, g, NEW.kind, 1 FROM (SELECT '' AS g UNION ALL SELECT 'u:' || NEW.unit_id UNION ALL SELECT 'c:' || NEW.category_id) WHERE true
    ON CONFLICT DO UPDATE SET cases = cases + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_duration_uncounted` AFTER DELETE ON `rollup_durations` BEGIN
  UPDATE rollup_duration_counts SET cases = cases - 1
    WHERE quarter = OLD.quarter AND kind = OLD.kind AND grp IN ('', 'u:' || OLD.unit_id, 'c:' || OLD.category_id);
  DELETE FROM rollup_duration_counts
    WHERE quarter = OLD.quarter AND kind = OLD.kind AND grp IN ('', 'u:' || OLD.unit_id, 'c:' || OLD.category_id) AND cases = 0;
END;
--> statement-breakpoint
-- Existing databases: openDb recounts once (db/rollups.ts rebuildRollups) and clears this.
INSERT INTO `rollup_rebuild` (`reason`) VALUES ('0016_quarter_rollups') ON CONFLICT DO NOTHING;
