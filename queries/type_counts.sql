-- type_counts: per internationalisation type, the report's count over the 12 cases beside the cases it names.
-- params: none
-- columns: type_id, label, sort_order, reported_count, reported_wording, named_cases, named_case_list
SELECT
    t.type_id, t.label, t.sort_order,
    agg.cases_count AS reported_count,
    agg.wording AS reported_wording,
    count(DISTINCT a.case_id) FILTER (WHERE a.stance = 'does') AS named_cases,
    string_agg(DISTINCT c.name, '; ' ORDER BY c.name) FILTER (WHERE a.stance = 'does') AS named_case_list
FROM internationalisation_types AS t
LEFT JOIN case_aggregates AS agg ON agg.type_id = t.type_id AND agg.topic = 'activity'
LEFT JOIN case_activities AS a ON a.type_id = t.type_id
LEFT JOIN cases AS c ON c.case_id = a.case_id
GROUP BY ALL
ORDER BY t.sort_order;
