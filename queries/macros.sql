-- macros: the macros the named queries call, created on every connection that holds the tables (the app's compact copy
-- too), after queries/schema.sql.

-- ---------------------------------------------------------------- the Case studies page's filter, as one macro

-- case_in_filter: each case and whether it passes the filters (empty or NULL list = no filter on that field).
-- Queries that highlight filtered cases call it, so the filter is written once.
CREATE MACRO case_in_filter(countries, typologies, types, presented) AS TABLE
SELECT
    c.case_id,
    (coalesce(len(countries), 0) = 0
        OR EXISTS (SELECT 1 FROM case_countries AS cc WHERE cc.case_id = c.case_id AND list_contains(countries, cc.iso2)))
    AND (coalesce(len(typologies), 0) = 0 OR list_contains(typologies, c.typology_id))
    AND (coalesce(len(types), 0) = 0
        OR EXISTS (SELECT 1 FROM case_activities AS a
                   WHERE a.case_id = c.case_id AND a.stance = 'does' AND list_contains(types, a.type_id)))
    AND (presented IS NULL OR c.presented_at_workshop = presented) AS in_filter
FROM cases AS c;
