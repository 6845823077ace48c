-- Erasure (UK GDPR art. 17) and the append-only audit log. See
-- docs/decisions/0003-erasure-and-append-only-audit.md.
--
-- Audit events stay append-only: no DELETE, no TRUNCATE, and no UPDATE — with one
-- exception: inside erase_person_audit(), which sets the transaction-local flag
-- entente.erasing, an UPDATE may replace the `changes` of an event (and nothing
-- else) with a redacted version that carries the "[erased]" marker.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('entente.erasing', true) = 'on'
       AND NEW.id = OLD.id AND NEW.at = OLD.at
       AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
       AND NEW.member_id IS NOT DISTINCT FROM OLD.member_id
       AND NEW.action = OLD.action AND NEW.record_type = OLD.record_type
       AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id
       AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
       AND NEW.changes::text LIKE '%[erased]%' THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Redacts an erased person's personal data from the audit log:
--  * events about the person's own record keep which fields changed, never the values;
--  * other events of the owner member, and events about the records the erasure
--    touched, have every mention (name, email, phone, external id, id) replaced.
-- p_needles are the values as they appear inside JSON text (JSON-escaped); the caller
-- leaves out values too short to be safe (shorter ones are skipped here). Returns the
-- number of events redacted.
CREATE OR REPLACE FUNCTION erase_person_audit(p_person uuid, p_member uuid, p_records uuid[], p_needles text[])
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  redacted integer := 0;
  n integer;
  needle text;
  pattern text;
BEGIN
  PERFORM set_config('entente.erasing', 'on', true);
  UPDATE audit_events
     SET changes = (SELECT jsonb_object_agg(k, '"[erased]"'::jsonb) FROM jsonb_object_keys(changes) AS k)
   WHERE record_id = p_person AND jsonb_typeof(changes) = 'object' AND changes <> '{}'::jsonb;
  GET DIAGNOSTICS n = ROW_COUNT;
  redacted := redacted + n;
  FOREACH needle IN ARRAY p_needles LOOP
    CONTINUE WHEN needle IS NULL OR length(needle) < 2;
    pattern := regexp_replace(needle, '([.^$|?*+()\[\]{}\\])', '\\\1', 'g');
    UPDATE audit_events
       SET changes = regexp_replace(changes::text, pattern, '[erased]', 'gi')::jsonb
     WHERE (member_id = p_member OR record_id = ANY(p_records))
       AND changes IS NOT NULL
       AND strpos(lower(changes::text), lower(needle)) > 0;
    GET DIAGNOSTICS n = ROW_COUNT;
    redacted := redacted + n;
  END LOOP;
  PERFORM set_config('entente.erasing', 'off', true);
  RETURN redacted;
END;
$$;
