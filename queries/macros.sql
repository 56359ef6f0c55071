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

-- ---------------------------------------------------------------- the Workshop's participants, as one macro

-- participants_matching: the participants from some countries (as printed) and kinds of organisation (empty or NULL
-- list = no filter on that field). participants, participants_page and participants_count call it.
CREATE MACRO participants_matching(countries, kinds) AS TABLE
SELECT participant_id, family_name, given_name, organisation, country_label, country_iso2, org_type,
       workshop_role, position, source
FROM participants
WHERE (coalesce(len(countries), 0) = 0 OR list_contains(countries, country_label))
  AND (coalesce(len(kinds), 0) = 0 OR list_contains(kinds, org_type));

-- ---------------------------------------------------------------- the Policy view's instruments, as one macro

-- instruments_matching: instruments by level and kind (empty or NULL list = no filter) and a text search over name,
-- variants and description (NULL or '' = none), with their labels. instruments_filtered, instruments_page and
-- instruments_count call it.
CREATE MACRO instruments_matching(levels, kinds, text) AS TABLE
SELECT i.instrument_id, i.name, i.name_variants, i.level, i.kind, parent.name AS parent_name, i.targets,
       i.process_id, process.label AS process_label, i.status, i.description,
       (SELECT string_agg(f.wording, ' · ' ORDER BY f.figure_id) FROM instrument_figures AS f
        WHERE f.instrument_id = i.instrument_id) AS figures,
       i.source, src.label AS source_label
FROM instruments AS i
JOIN sources AS src ON src.source_id = i.source
LEFT JOIN instruments AS parent ON parent.instrument_id = i.parent_id
LEFT JOIN business_processes AS process ON process.process_id = i.process_id
WHERE (coalesce(len(levels), 0) = 0 OR list_contains(levels, i.level))
  AND (coalesce(len(kinds), 0) = 0 OR list_contains(kinds, i.kind))
  AND (coalesce(text, '') = ''
       OR contains(lower(i.name || ' ' || coalesce(i.name_variants, '') || ' ' || i.description), lower(text)));
