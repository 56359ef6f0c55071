-- cases: the 12 case-study SMEs with their typology group and home countries, optionally for one group.
-- params: $typology (a typology_groups.typology_id, or NULL for all)
-- columns: case_id, name, name_variants, home_country_label, countries_iso2, description, typology_id,
--          typology_label, typology_reason, founded_year, age_years, staff, staff_qualifier,
--          contract_min_eur, contract_max_eur, website, presented_at_workshop, source, typology_order
SELECT
    c.case_id, c.name, c.name_variants, c.home_country_label,
    string_agg(cc.iso2, ';' ORDER BY cc.position) AS countries_iso2,
    c.description, c.typology_id, t.label AS typology_label, c.typology_reason,
    c.founded_year, c.age_years, c.staff, c.staff_qualifier, c.contract_min_eur, c.contract_max_eur,
    c.website, c.presented_at_workshop, c.source, t.sort_order AS typology_order
FROM cases AS c
JOIN typology_groups AS t USING (typology_id)
LEFT JOIN case_countries AS cc USING (case_id)
WHERE $typology IS NULL OR c.typology_id = $typology
GROUP BY ALL
ORDER BY typology_order, c.name;
