-- case_filter: every one of the 12 cases, with whether it passes the Case studies page's filters and is selected.
-- params: $countries (list of countries.iso2 codes, or NULL/empty for all),
--         $typologies (list of typology_groups.typology_id, or NULL/empty),
--         $types (list of internationalisation_types.type_id the report names for the case, or NULL/empty),
--         $presented (true, false, or NULL for all), $selected (a case_id, or NULL)
-- columns: case_id, name, home_country_label, countries_iso2, typology_id, typology_label, typology_order,
--          types_named, presented_at_workshop, founded_year, staff, staff_qualifier, source, in_filter, selected,
--          source_label
WITH named AS (
    SELECT case_id, string_agg(DISTINCT type_id, ';' ORDER BY type_id) AS types_named
    FROM case_activities
    WHERE stance = 'does'
    GROUP BY case_id
),
homes AS (
    SELECT case_id, string_agg(iso2, ';' ORDER BY position) AS countries_iso2
    FROM case_countries
    GROUP BY case_id
)
SELECT
    c.case_id, c.name, c.home_country_label, h.countries_iso2, c.typology_id, g.label AS typology_label,
    g.sort_order AS typology_order, n.types_named, c.presented_at_workshop, c.founded_year, c.staff,
    c.staff_qualifier, c.source, f.in_filter, coalesce(c.case_id = $selected, false) AS selected,
    s.label AS source_label
FROM cases AS c
JOIN sources AS s ON s.source_id = c.source
JOIN typology_groups AS g USING (typology_id)
JOIN homes AS h USING (case_id)
JOIN case_in_filter($countries, $typologies, $types, $presented) AS f USING (case_id)
LEFT JOIN named AS n USING (case_id)
ORDER BY g.sort_order, c.name;
