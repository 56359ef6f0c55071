-- survey_contradictions: the report's contradictions that concern the survey (its sections, figures and Table 1).
-- params: none
-- columns: contradiction_id, kind, topic, statement_a, source_a, statement_b, source_b, note
SELECT contradiction_id, kind, topic, statement_a, source_a, statement_b, source_b, note
FROM contradictions
WHERE list_has_any([source_a, source_b], ['sec-3.3', 'sec-4.3.3', 'annex-3', 'sec-7.1', 'tab-1', 'sec-7.2',
                                          'sec-7.2.1', 'sec-7.2.2', 'sec-7.3', 'sec-7.3.1', 'sec-7.3.2', 'sec-7.3.3',
                                          'sec-7.3.4', 'sec-7.4'])
   OR starts_with(source_a, 'fig-') AND source_a <> 'fig-what-how'
   OR contradiction_id IN (SELECT contradiction_id FROM survey_results WHERE contradiction_id IS NOT NULL)
ORDER BY contradiction_id;
