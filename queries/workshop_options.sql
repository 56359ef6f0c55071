-- workshop_options: the values the Workshop's filters offer, without reading every row into the app: participants'
-- countries (as printed) and kinds of organisation, the speakers, and the parts of the report statements cite.
-- params: none
-- columns: field, value
SELECT DISTINCT 'country' AS field, country_label AS value FROM participants
UNION ALL
SELECT DISTINCT 'kind', org_type FROM participants
UNION ALL
SELECT DISTINCT 'speaker', speaker_label FROM statements
UNION ALL
SELECT DISTINCT 'source', source FROM statements
ORDER BY field, value;
