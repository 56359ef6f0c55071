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

-- ---------------------------------------------------------------- who said what, filtered, as one macro

-- statements_matching: the statements passing the Workshop's filters (speakers, organisations: empty or NULL list =
-- no filter; section: a source id and its subsections, or NULL; theme: a theme id, or NULL), with their labels.
-- statements_filtered, statements_page and statements_count call it, so the filter is written once.
CREATE MACRO statements_matching(speakers, organisations, section, theme) AS TABLE
SELECT s.statement_id, s.speaker_label, s.organisation, s.kind, s.theme_id, t.label AS theme_label, s.paraphrase,
       s.quote, s.source, s.position, src.label AS source_label
FROM statements AS s
JOIN themes AS t USING (theme_id)
JOIN sources AS src ON src.source_id = s.source
WHERE (coalesce(len(speakers), 0) = 0 OR list_contains(speakers, s.speaker_label))
  AND (coalesce(len(organisations), 0) = 0 OR list_contains(organisations, s.organisation))
  AND (section IS NULL OR s.source = section OR starts_with(s.source, section || '.'))
  AND (theme IS NULL OR s.theme_id = theme);
