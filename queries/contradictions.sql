-- contradictions: where the report contradicts itself or its numbers do not add up.
-- params: none
-- columns: contradiction_id, kind, topic, statement_a, source_a, statement_b, source_b, note
SELECT contradiction_id, kind, topic, statement_a, source_a, statement_b, source_b, note
FROM contradictions
ORDER BY contradiction_id;
