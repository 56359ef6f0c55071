-- case_activities: what the report says each named case does (or does not do), by internationalisation type.
-- params: $case_id (a cases.case_id, or NULL for all cases)
-- columns: activity_id, case_id, case_name, type_id, type_label, stance, evidence, partner_countries,
--          partner_iso2, coding, coding_rationale, source
SELECT
    a.activity_id, a.case_id, c.name AS case_name, a.type_id, t.label AS type_label, a.stance,
    a.evidence, a.partner_countries, a.partner_iso2, a.coding, a.coding_rationale, a.source
FROM case_activities AS a
JOIN cases AS c USING (case_id)
JOIN internationalisation_types AS t USING (type_id)
WHERE $case_id IS NULL OR a.case_id = $case_id
ORDER BY c.name, t.sort_order, a.activity_id;
