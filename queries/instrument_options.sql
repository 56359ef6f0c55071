-- instrument_options: the values the Policy view's instrument filters offer: the levels and kinds instruments have.
-- params: none
-- columns: field, value
SELECT DISTINCT 'level' AS field, level AS value FROM instruments WHERE level IS NOT NULL
UNION ALL
SELECT DISTINCT 'kind', kind FROM instruments
ORDER BY field, value;
