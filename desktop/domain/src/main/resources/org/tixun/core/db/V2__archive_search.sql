-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Schema version 2: the archive stays fast at 100,000+ records. The suspect's and interrogators'
-- names and one lower-cased search text are kept on each record, so list pages need no per-row
-- subqueries, and the sort orders have indexes to walk. Triggers keep the copies current whenever a
-- record is created, a case number changes or a participant is added, changed or removed.

ALTER TABLE record ADD COLUMN suspect_name TEXT NOT NULL DEFAULT '';
ALTER TABLE record ADD COLUMN interrogators TEXT NOT NULL DEFAULT '';
ALTER TABLE record ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

UPDATE record SET
    suspect_name = COALESCE((SELECT name FROM participant s WHERE s.case_id = record.case_id AND s.role = 'SUSPECT'
                             ORDER BY s.position LIMIT 1), ''),
    interrogators = COALESCE((SELECT group_concat(name, '、') FROM (SELECT name FROM participant i
                             WHERE i.case_id = record.case_id AND i.role = 'INTERROGATOR' ORDER BY i.position)), '');
UPDATE record SET search_text = lower((SELECT case_number FROM case_file c WHERE c.id = record.case_id)
                                      || ' ' || title || ' ' || suspect_name || ' ' || interrogators);

CREATE INDEX record_created ON record(created_at, id);
CREATE INDEX record_status_created ON record(status, created_at, id);
CREATE INDEX record_kind_created ON record(kind, created_at, id);
CREATE INDEX record_title ON record(title, id);

-- The search text follows the columns it is made of; the triggers below only set those columns.
CREATE TRIGGER record_search_text AFTER UPDATE OF title, suspect_name, interrogators ON record
BEGIN
    UPDATE record SET search_text = lower((SELECT case_number FROM case_file c WHERE c.id = NEW.case_id)
                                          || ' ' || title || ' ' || suspect_name || ' ' || interrogators)
    WHERE id = NEW.id;
END;

CREATE TRIGGER record_search_on_insert AFTER INSERT ON record
BEGIN
    UPDATE record SET
        suspect_name = COALESCE((SELECT name FROM participant s WHERE s.case_id = NEW.case_id AND s.role = 'SUSPECT'
                                 ORDER BY s.position LIMIT 1), ''),
        interrogators = COALESCE((SELECT group_concat(name, '、') FROM (SELECT name FROM participant i
                                 WHERE i.case_id = NEW.case_id AND i.role = 'INTERROGATOR' ORDER BY i.position)), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER record_search_on_case AFTER UPDATE OF case_number ON case_file
BEGIN
    UPDATE record SET search_text = lower(NEW.case_number || ' ' || title || ' ' || suspect_name || ' '
                                          || interrogators)
    WHERE case_id = NEW.id;
END;

CREATE TRIGGER record_search_on_participant_insert AFTER INSERT ON participant
WHEN NEW.role IN ('SUSPECT', 'INTERROGATOR')
BEGIN
    UPDATE record SET
        suspect_name = COALESCE((SELECT name FROM participant s WHERE s.case_id = record.case_id AND s.role = 'SUSPECT'
                                 ORDER BY s.position LIMIT 1), ''),
        interrogators = COALESCE((SELECT group_concat(name, '、') FROM (SELECT name FROM participant i
                                 WHERE i.case_id = record.case_id AND i.role = 'INTERROGATOR' ORDER BY i.position)), '')
    WHERE case_id = NEW.case_id;
END;

CREATE TRIGGER record_search_on_participant_delete AFTER DELETE ON participant
WHEN OLD.role IN ('SUSPECT', 'INTERROGATOR')
BEGIN
    UPDATE record SET
        suspect_name = COALESCE((SELECT name FROM participant s WHERE s.case_id = record.case_id AND s.role = 'SUSPECT'
                                 ORDER BY s.position LIMIT 1), ''),
        interrogators = COALESCE((SELECT group_concat(name, '、') FROM (SELECT name FROM participant i
                                 WHERE i.case_id = record.case_id AND i.role = 'INTERROGATOR' ORDER BY i.position)), '')
    WHERE case_id = OLD.case_id;
END;
