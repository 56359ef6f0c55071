-- cell_links: the SWOT items, policy implications and instruments that speak to one cell of the WHAT/HOW matrix,
-- with how specifically (the cell itself, its row, its column, or the whole portfolio) and why (project coding).
-- params: $type_id, $process_id
-- columns: entity_kind, entity_id, label, text, scope, rationale, source
SELECT l.entity_kind, l.entity_id,
       coalesce(s.quadrant, d.label, coalesce(i.level || ' ', '') || i.kind) AS label,
       coalesce(s.text, pi.text, i.name || ': ' || i.description) AS text,
       CASE WHEN l.type_id IS NOT NULL AND l.process_id IS NOT NULL THEN 'this cell'
            WHEN l.type_id IS NOT NULL THEN 'this type (every process)'
            WHEN l.process_id IS NOT NULL THEN 'this process (every type)'
            ELSE 'the whole portfolio' END AS scope,
       l.rationale,
       coalesce(s.source, pi.source, i.source) AS source
FROM policy_links AS l
LEFT JOIN swot_items AS s ON l.entity_kind = 'swot' AND s.swot_id = l.entity_id
LEFT JOIN policy_implications AS pi ON l.entity_kind = 'implication' AND pi.implication_id = l.entity_id
LEFT JOIN policy_domains AS d ON d.domain_id = pi.domain_id
LEFT JOIN instruments AS i ON l.entity_kind = 'instrument' AND i.instrument_id = l.entity_id
WHERE (l.type_id IS NULL OR l.type_id = $type_id) AND (l.process_id IS NULL OR l.process_id = $process_id)
ORDER BY list_position(['instrument', 'swot', 'implication'], l.entity_kind),
         list_position(['this cell', 'this type (every process)', 'this process (every type)', 'the whole portfolio'],
                       scope),
         l.entity_id;
