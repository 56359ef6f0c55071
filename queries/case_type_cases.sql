-- case_type_cases: per internationalisation type, the report's count over the 12 and each case it names for the type,
-- with whether that case passes the Case studies filters and is selected.
-- params: $countries, $typologies, $types, $presented (as in case_filter), $selected (a case_id, or NULL)
-- columns: type_id, type_label, type_order, reported_count, reported_wording, case_id, case_name, coding, evidence,
--          source, in_filter, selected
SELECT
    t.type_id, t.label AS type_label, t.sort_order AS type_order,
    agg.cases_count AS reported_count, agg.wording AS reported_wording,
    a.case_id, c.name AS case_name, a.coding, a.evidence, a.source,
    f.in_filter, coalesce(a.case_id = $selected, false) AS selected
FROM internationalisation_types AS t
LEFT JOIN case_aggregates AS agg ON agg.type_id = t.type_id AND agg.topic = 'activity'
LEFT JOIN case_activities AS a ON a.type_id = t.type_id AND a.stance = 'does'
LEFT JOIN cases AS c ON c.case_id = a.case_id
LEFT JOIN case_in_filter($countries, $typologies, $types, $presented) AS f ON f.case_id = a.case_id
QUALIFY a.case_id IS NULL OR row_number() OVER (PARTITION BY t.type_id, a.case_id ORDER BY a.activity_id) = 1
ORDER BY t.sort_order, c.name;
