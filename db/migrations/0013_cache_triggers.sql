-- Every write that changes what a public page shows bumps a tag in cache_changes (api/cache/changes.ts reads them),
-- whoever writes: this server, a second process, npm run staff, a bulk loader. Tags: case:<tracking no>, drives, all.
-- Tables only staff see (sessions, audit log, phrases, api keys, tracking_seq) have none.

CREATE TRIGGER cache_cases_insert AFTER INSERT ON cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || NEW.tracking_no where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_cases_update AFTER UPDATE ON cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || NEW.tracking_no where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_cases_delete AFTER DELETE ON cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || OLD.tracking_no where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_photos_insert AFTER INSERT ON case_photos BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_photos_update AFTER UPDATE ON case_photos BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_photos_delete AFTER DELETE ON case_photos BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = OLD.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_log_insert AFTER INSERT ON case_log BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_log_update AFTER UPDATE ON case_log BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_log_delete AFTER DELETE ON case_log BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = OLD.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_supports_insert AFTER INSERT ON case_supports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_supports_update AFTER UPDATE ON case_supports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_supports_delete AFTER DELETE ON case_supports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = OLD.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_requests_insert AFTER INSERT ON case_requests BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_requests_update AFTER UPDATE ON case_requests BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_case_requests_delete AFTER DELETE ON case_requests BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = OLD.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_series_insert AFTER INSERT ON drive_series BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_series_update AFTER UPDATE ON drive_series BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_series_delete AFTER DELETE ON drive_series BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_occurrences_insert AFTER INSERT ON drive_occurrences BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_occurrences_update AFTER UPDATE ON drive_occurrences BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_occurrences_delete AFTER DELETE ON drive_occurrences BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_signups_insert AFTER INSERT ON drive_signups BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_signups_update AFTER UPDATE ON drive_signups BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_signups_delete AFTER DELETE ON drive_signups BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_cases_insert AFTER INSERT ON drive_cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_cases_update AFTER UPDATE ON drive_cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = NEW.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_drive_cases_delete AFTER DELETE ON drive_cases BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'drives' where true on conflict(tag) do update set seq = excluded.seq;
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'case:' || tracking_no from cases where id = OLD.case_id on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_units_insert AFTER INSERT ON units BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_units_update AFTER UPDATE ON units BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_units_delete AFTER DELETE ON units BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_categories_insert AFTER INSERT ON categories BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_categories_update AFTER UPDATE ON categories BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_categories_delete AFTER DELETE ON categories BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_settings_insert AFTER INSERT ON settings BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_settings_update AFTER UPDATE ON settings BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_settings_delete AFTER DELETE ON settings BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_places_insert AFTER INSERT ON places BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_places_update AFTER UPDATE ON places BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_places_delete AFTER DELETE ON places BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_calendar_days_insert AFTER INSERT ON calendar_days BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_calendar_days_update AFTER UPDATE ON calendar_days BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_calendar_days_delete AFTER DELETE ON calendar_days BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_quarterly_reports_insert AFTER INSERT ON quarterly_reports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_quarterly_reports_update AFTER UPDATE ON quarterly_reports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER cache_quarterly_reports_delete AFTER DELETE ON quarterly_reports BEGIN
  insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all' where true on conflict(tag) do update set seq = excluded.seq;
END;
