-- Keeps the rollups of db/schema-rollups.ts in step with every write to cases and case_log, in the writer's own
-- transaction. A case's contribution is removed under its old values and added under its new ones. The ~100 m cell is
-- stats-places.ts cellOf in SQL (tests/unit/rollups-cell.test.ts checks both agree). db/rollups.ts recounts the same.
CREATE TRIGGER `rollup_case_added` AFTER INSERT ON `cases` BEGIN
  INSERT INTO rollup_received (day, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT (NEW.created_at + 28800000) / 86400000, NEW.category_id, coalesce(NEW.unit_id, ''), NEW.channel, NEW.state, coalesce(NEW.rating, ''), 1, r, r > 0
    FROM (SELECT (SELECT count(*) FROM case_log l WHERE l.case_id = NEW.id AND l.action = 'rework') AS r) WHERE NEW.hidden = 0
    ON CONFLICT DO UPDATE SET cases = cases + 1, reworks = reworks + excluded.reworks, reworked = reworked + excluded.reworked;
  INSERT INTO rollup_due (day, category_id, unit_id, closed_on_time, handled_on_time, cases)
    SELECT (NEW.due_at + 28800000) / 86400000, NEW.category_id, coalesce(NEW.unit_id, ''), (NEW.state = 'closed' AND NEW.closed_at IS NOT NULL AND NEW.closed_at <= NEW.due_at), (NEW.state IN ('resolved', 'closed') AND NEW.resolved_at IS NOT NULL AND NEW.resolved_at <= NEW.due_at), 1
    WHERE NEW.hidden = 0 AND NEW.due_at IS NOT NULL AND NEW.state NOT IN ('rejected', 'duplicate', 'on_hold')
    ON CONFLICT DO UPDATE SET cases = cases + 1;
  INSERT INTO rollup_places (day, address, cell, lat, cases)
    SELECT (NEW.created_at + 28800000) / 86400000, NEW.address, CASE WHEN NEW.lat IS NOT NULL AND NEW.lng IS NOT NULL THEN CAST(floor(NEW.lat / 0.0009) AS integer) || ':' || CAST(floor(NEW.lng / (0.0009 / cos((floor(NEW.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END, NEW.lat, 1
    WHERE NEW.hidden = 0 AND NEW.state <> 'submitted'
    ON CONFLICT DO UPDATE SET cases = cases + 1, lat = coalesce(lat, excluded.lat);
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_case_changed` AFTER UPDATE ON `cases` WHEN OLD.state IS NOT NEW.state OR OLD.hidden IS NOT NEW.hidden OR OLD.category_id IS NOT NEW.category_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.channel IS NOT NEW.channel OR OLD.rating IS NOT NEW.rating OR OLD.created_at IS NOT NEW.created_at OR OLD.due_at IS NOT NEW.due_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.address IS NOT NEW.address OR OLD.lat IS NOT NEW.lat OR OLD.lng IS NOT NEW.lng BEGIN
  UPDATE rollup_received SET cases = cases - 1, reworks = reworks - (SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework'), reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework') > 0)
    WHERE OLD.hidden = 0 AND day = (OLD.created_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '');
  DELETE FROM rollup_received WHERE OLD.hidden = 0 AND day = (OLD.created_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '') AND cases = 0;
  UPDATE rollup_due SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.due_at IS NOT NULL AND OLD.state NOT IN ('rejected', 'duplicate', 'on_hold') AND day = (OLD.due_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND closed_on_time = (OLD.state = 'closed' AND OLD.closed_at IS NOT NULL AND OLD.closed_at <= OLD.due_at) AND handled_on_time = (OLD.state IN ('resolved', 'closed') AND OLD.resolved_at IS NOT NULL AND OLD.resolved_at <= OLD.due_at);
  DELETE FROM rollup_due WHERE OLD.hidden = 0 AND OLD.due_at IS NOT NULL AND OLD.state NOT IN ('rejected', 'duplicate', 'on_hold') AND day = (OLD.due_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND closed_on_time = (OLD.state = 'closed' AND OLD.closed_at IS NOT NULL AND OLD.closed_at <= OLD.due_at) AND handled_on_time = (OLD.state IN ('resolved', 'closed') AND OLD.resolved_at IS NOT NULL AND OLD.resolved_at <= OLD.due_at) AND cases = 0;
  UPDATE rollup_places SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND day = (OLD.created_at + 28800000) / 86400000 AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END;
  DELETE FROM rollup_places WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND day = (OLD.created_at + 28800000) / 86400000 AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END AND cases = 0;
  INSERT INTO rollup_received (day, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT (NEW.created_at + 28800000) / 86400000, NEW.category_id, coalesce(NEW.unit_id, ''), NEW.channel, NEW.state, coalesce(NEW.rating, ''), 1, r, r > 0
    FROM (SELECT (SELECT count(*) FROM case_log l WHERE l.case_id = NEW.id AND l.action = 'rework') AS r) WHERE NEW.hidden = 0
    ON CONFLICT DO UPDATE SET cases = cases + 1, reworks = reworks + excluded.reworks, reworked = reworked + excluded.reworked;
  INSERT INTO rollup_due (day, category_id, unit_id, closed_on_time, handled_on_time, cases)
    SELECT (NEW.due_at + 28800000) / 86400000, NEW.category_id, coalesce(NEW.unit_id, ''), (NEW.state = 'closed' AND NEW.closed_at IS NOT NULL AND NEW.closed_at <= NEW.due_at), (NEW.state IN ('resolved', 'closed') AND NEW.resolved_at IS NOT NULL AND NEW.resolved_at <= NEW.due_at), 1
    WHERE NEW.hidden = 0 AND NEW.due_at IS NOT NULL AND NEW.state NOT IN ('rejected', 'duplicate', 'on_hold')
    ON CONFLICT DO UPDATE SET cases = cases + 1;
  INSERT INTO rollup_places (day, address, cell, lat, cases)
    SELECT (NEW.created_at + 28800000) / 86400000, NEW.address, CASE WHEN NEW.lat IS NOT NULL AND NEW.lng IS NOT NULL THEN CAST(floor(NEW.lat / 0.0009) AS integer) || ':' || CAST(floor(NEW.lng / (0.0009 / cos((floor(NEW.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END, NEW.lat, 1
    WHERE NEW.hidden = 0 AND NEW.state <> 'submitted'
    ON CONFLICT DO UPDATE SET cases = cases + 1, lat = coalesce(lat, excluded.lat);
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_case_removed` AFTER DELETE ON `cases` BEGIN
  UPDATE rollup_received SET cases = cases - 1, reworks = reworks - (SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework'), reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.id AND l.action = 'rework') > 0)
    WHERE OLD.hidden = 0 AND day = (OLD.created_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '');
  DELETE FROM rollup_received WHERE OLD.hidden = 0 AND day = (OLD.created_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND channel = OLD.channel AND state = OLD.state AND rating = coalesce(OLD.rating, '') AND cases = 0;
  UPDATE rollup_due SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.due_at IS NOT NULL AND OLD.state NOT IN ('rejected', 'duplicate', 'on_hold') AND day = (OLD.due_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND closed_on_time = (OLD.state = 'closed' AND OLD.closed_at IS NOT NULL AND OLD.closed_at <= OLD.due_at) AND handled_on_time = (OLD.state IN ('resolved', 'closed') AND OLD.resolved_at IS NOT NULL AND OLD.resolved_at <= OLD.due_at);
  DELETE FROM rollup_due WHERE OLD.hidden = 0 AND OLD.due_at IS NOT NULL AND OLD.state NOT IN ('rejected', 'duplicate', 'on_hold') AND day = (OLD.due_at + 28800000) / 86400000 AND category_id = OLD.category_id AND unit_id = coalesce(OLD.unit_id, '') AND closed_on_time = (OLD.state = 'closed' AND OLD.closed_at IS NOT NULL AND OLD.closed_at <= OLD.due_at) AND handled_on_time = (OLD.state IN ('resolved', 'closed') AND OLD.resolved_at IS NOT NULL AND OLD.resolved_at <= OLD.due_at) AND cases = 0;
  UPDATE rollup_places SET cases = cases - 1 WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND day = (OLD.created_at + 28800000) / 86400000 AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END;
  DELETE FROM rollup_places WHERE OLD.hidden = 0 AND OLD.state <> 'submitted' AND day = (OLD.created_at + 28800000) / 86400000 AND address = OLD.address AND cell = CASE WHEN OLD.lat IS NOT NULL AND OLD.lng IS NOT NULL THEN CAST(floor(OLD.lat / 0.0009) AS integer) || ':' || CAST(floor(OLD.lng / (0.0009 / cos((floor(OLD.lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END AND cases = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_rework_logged` AFTER INSERT ON `case_log` WHEN NEW.action = 'rework' BEGIN
  UPDATE rollup_received SET reworks = reworks + 1,
    reworked = reworked + ((SELECT count(*) FROM case_log l WHERE l.case_id = NEW.case_id AND l.action = 'rework') = 1)
    FROM cases c WHERE c.id = NEW.case_id AND c.hidden = 0 AND rollup_received.day = (c.created_at + 28800000) / 86400000 AND rollup_received.category_id = c.category_id AND rollup_received.unit_id = coalesce(c.unit_id, '') AND rollup_received.channel = c.channel AND rollup_received.state = c.state AND rollup_received.rating = coalesce(c.rating, '');
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_rework_unlogged` AFTER DELETE ON `case_log` WHEN OLD.action = 'rework' BEGIN
  UPDATE rollup_received SET reworks = reworks - 1,
    reworked = reworked - ((SELECT count(*) FROM case_log l WHERE l.case_id = OLD.case_id AND l.action = 'rework') = 0)
    FROM cases c WHERE c.id = OLD.case_id AND c.hidden = 0 AND rollup_received.day = (c.created_at + 28800000) / 86400000 AND rollup_received.category_id = c.category_id AND rollup_received.unit_id = coalesce(c.unit_id, '') AND rollup_received.channel = c.channel AND rollup_received.state = c.state AND rollup_received.rating = coalesce(c.rating, '');
END;
--> statement-breakpoint
-- Existing databases: openDb recounts once (db/rollups.ts rebuildRollups) and clears this.
INSERT INTO `rollup_rebuild` (`reason`) VALUES ('0011_rollup_triggers') ON CONFLICT DO NOTHING;
