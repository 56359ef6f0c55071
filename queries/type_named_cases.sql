-- type_named_cases: one internationalisation type's count over the 12 cases beside how many cases the report names
-- for it, and how many of those the project matched on its reading of a sentence (coding 'project').
-- params: $type_id
-- columns: reported_count, named_cases, project_coded
SELECT
    any_value(agg.cases_count) AS reported_count,
    count(DISTINCT a.case_id) AS named_cases,
    count(DISTINCT a.case_id) FILTER (WHERE a.coding = 'project') AS project_coded
FROM internationalisation_types AS t
LEFT JOIN case_aggregates AS agg ON agg.type_id = t.type_id AND agg.topic = 'activity'
LEFT JOIN case_activities AS a ON a.type_id = t.type_id AND a.stance = 'does'
WHERE t.type_id = $type_id;
