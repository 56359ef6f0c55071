-- study_vs_experts: where the experts confirmed, qualified or diverged from the study, both sides in the report's words.
-- params: $outcome ('confirmed', 'qualified', 'diverged', or NULL for all)
-- columns: comparison_id, position, topic, study_statement, study_source, expert_statement, expert_source,
--          item_id, outcome, outcome_wording, coding, coding_rationale, study_source_label, expert_source_label
SELECT v.comparison_id, v.position, v.topic, v.study_statement, v.study_source, v.expert_statement, v.expert_source,
       v.item_id, v.outcome, v.outcome_wording, v.coding, v.coding_rationale,
       s.label AS study_source_label, e.label AS expert_source_label
FROM study_vs_experts AS v
JOIN sources AS s ON s.source_id = v.study_source
JOIN sources AS e ON e.source_id = v.expert_source
WHERE $outcome IS NULL OR v.outcome = $outcome
ORDER BY v.position;
