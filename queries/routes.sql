-- routes: the report's three routes from home to abroad (section 4.2), optionally those starting at one business
-- process, each with the label of its source.
-- params: $from_process (a business_processes.process_id, or NULL for all three)
-- columns: route_id, from_process, summary, text, viability, source, source_label
SELECT r.route_id, r.from_process, r.summary, r.text, r.viability, r.source, s.label AS source_label
FROM routes AS r
JOIN sources AS s ON s.source_id = r.source
WHERE $from_process IS NULL OR r.from_process = $from_process
ORDER BY r.route_id = 'III', r.route_id = 'II', r.route_id;
