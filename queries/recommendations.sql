-- recommendations: every statement the project classed as a recommendation, with who made it and where.
-- params: none
-- columns: statement_id, speaker_label, organisation, participant_id, paraphrase, quote, source, position,
--          source_label, who
SELECT st.statement_id, st.speaker_label, st.organisation, st.participant_id, st.paraphrase, st.quote, st.source,
       st.position, s.label AS source_label, st.speaker_label || coalesce(' (' || st.organisation || ')', '') AS who
FROM statements AS st
JOIN sources AS s ON s.source_id = st.source
WHERE st.kind = 'recommendation'
ORDER BY st.position;
