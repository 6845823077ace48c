-- erase_person_audit() in one pass over the audit log. The version of migration 0006
-- scanned the owner member's events once per value to redact (name, email, phone,
-- external id, id, …): on an imported M-scale member that is several scans of some
-- hundred thousand events inside the erasure's transaction, and it could pass the
-- 15 s statement timeout under load. Now the values form one case-insensitive
-- alternation (longest first, so "Anna Smith" wins over "Anna"), every candidate event
-- is read once, and only the events that mention a value are rewritten. Same contract:
-- p_needles are JSON-escaped, values shorter than 2 characters are skipped, and the
-- number of events redacted is returned.
CREATE OR REPLACE FUNCTION erase_person_audit(p_person uuid, p_member uuid, p_records uuid[], p_needles text[])
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  redacted integer := 0;
  n integer;
  pattern text;
BEGIN
  PERFORM set_config('entente.erasing', 'on', true);
  UPDATE audit_events
     SET changes = (SELECT jsonb_object_agg(k, '"[erased]"'::jsonb) FROM jsonb_object_keys(changes) AS k)
   WHERE record_type = 'Person' AND record_id = p_person
     AND jsonb_typeof(changes) = 'object' AND changes <> '{}'::jsonb;
  GET DIAGNOSTICS n = ROW_COUNT;
  redacted := redacted + n;

  SELECT string_agg(regexp_replace(needle, '([.^$|?*+()\[\]{}\\])', '\\\1', 'g'), '|' ORDER BY length(needle) DESC, needle)
    INTO pattern
    FROM (SELECT DISTINCT needle FROM unnest(p_needles) AS needle WHERE needle IS NOT NULL AND length(needle) >= 2) AS values_to_erase;
  IF pattern IS NOT NULL THEN
    pattern := '(' || pattern || ')';
    UPDATE audit_events
       SET changes = regexp_replace(changes::text, pattern, '[erased]', 'gi')::jsonb
     WHERE (member_id = p_member OR record_id = ANY(p_records))
       AND changes IS NOT NULL
       AND changes::text ~* pattern;
    GET DIAGNOSTICS n = ROW_COUNT;
    redacted := redacted + n;
  END IF;

  PERFORM set_config('entente.erasing', 'off', true);
  RETURN redacted;
END;
$$;
