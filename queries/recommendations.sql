-- recommendations: every statement the project classed as a recommendation, with who made it and where.
-- params: none
-- columns: statement_id, speaker_label, organisation, participant_id, paraphrase, quote, source, position
SELECT statement_id, speaker_label, organisation, participant_id, paraphrase, quote, source, position
FROM statements
WHERE kind = 'recommendation'
ORDER BY position;
