-- headline_figures: the numbers the Overview leads with, each with its source in the report.
-- params: $sample_id (the survey sample to count: '2016-06-09' or '2016-06-30')
-- columns: figure, value, note, source
SELECT 'Case studies' AS figure, count(*)::VARCHAR AS value,
       'SMEs studied by empirica and Dialogic' AS note, 'Section 3.2' AS source
FROM cases
UNION ALL
SELECT 'Home countries', count(DISTINCT iso2)::VARCHAR, 'of the 12 case firms (WEPROG has two)', 'Section 3.2'
FROM case_countries
UNION ALL
SELECT 'Survey responses', valid_responses::VARCHAR,
       complete || ' complete, ' || partial || ' partial, by ' || strftime(as_of, '%-d %B %Y'),
       CASE WHEN sample_id = '2016-06-30' THEN 'Annex 3, Section 7.1' ELSE 'Section 3.3' END
FROM survey_samples WHERE sample_id = $sample_id
UNION ALL
SELECT 'Workshop participants', count(*)::VARCHAR, 'listed in Annex 2 (section 1 says "about 25 experts")', 'Annex 2'
FROM participants
UNION ALL
SELECT 'SMEs with an R&D partner abroad', printf('%d%%', value::INTEGER),
       'of European SMEs have worked with an R&D partner based abroad', 'Section 4.1'
FROM key_figures WHERE key_figure_id = 'smes-rnd-partner';
