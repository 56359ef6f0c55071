-- case_options: the values the Case studies filters offer: home countries, typology groups, types, cases.
-- params: none
-- columns: field, value, label, position
SELECT 'country' AS field, cc.iso2 AS value, co.name AS label, row_number() OVER (ORDER BY co.name) AS position
FROM (SELECT DISTINCT iso2 FROM case_countries) AS cc
JOIN countries AS co USING (iso2)
UNION ALL
SELECT 'typology', typology_id, label, sort_order FROM typology_groups
UNION ALL
SELECT 'type', type_id, label, sort_order FROM internationalisation_types
UNION ALL
SELECT 'case', case_id, name, row_number() OVER (ORDER BY name) FROM cases
ORDER BY field, position;
