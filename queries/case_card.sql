-- case_card: everything the report says about one case, for its card.
-- params: $case_id
-- columns: case_id, name, name_variants, home_country_label, description, typology_id, typology_label,
--          typology_definition, typology_reason, typology_source, founded_year, age_years, staff, staff_qualifier,
--          contract_min_eur, contract_max_eur, website, presented_at_workshop, presentation_source, source
SELECT
    c.case_id, c.name, c.name_variants, c.home_country_label, c.description, c.typology_id,
    g.label AS typology_label, g.definition AS typology_definition, c.typology_reason, c.typology_source,
    c.founded_year, c.age_years, c.staff, c.staff_qualifier, c.contract_min_eur, c.contract_max_eur, c.website,
    c.presented_at_workshop, c.presentation_source, c.source
FROM cases AS c
JOIN typology_groups AS g USING (typology_id)
WHERE c.case_id = $case_id;
