-- instruments: every programme, network and initiative the report names, optionally at one level.
-- params: $level ('EU', 'national', 'regional', 'network', 'international', or NULL for all)
-- columns: instrument_id, name, name_variants, level, kind, parent_id, targets, process_id, description, status, source
SELECT instrument_id, name, name_variants, level, kind, parent_id, targets, process_id, description, status, source
FROM instruments
WHERE $level IS NULL OR level = $level
ORDER BY level, name;
