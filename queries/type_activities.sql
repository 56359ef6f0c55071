-- type_activities: what the report says named cases do for one internationalisation type.
-- params: $type_id
-- columns: activity_id, case_id, case_name, stance, evidence, partner_countries, coding, coding_rationale, source
SELECT a.activity_id, a.case_id, c.name AS case_name, a.stance, a.evidence, a.partner_countries, a.coding,
       a.coding_rationale, a.source
FROM case_activities AS a
JOIN cases AS c USING (case_id)
WHERE a.type_id = $type_id
ORDER BY a.stance, c.name;
