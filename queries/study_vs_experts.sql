-- study_vs_experts: where the experts confirmed, qualified or diverged from the study, both sides in the report's words.
-- params: $outcome ('confirmed', 'qualified', 'diverged', or NULL for all)
-- columns: comparison_id, position, topic, study_statement, study_source, expert_statement, expert_source,
--          item_id, outcome, outcome_wording, coding, coding_rationale
SELECT comparison_id, position, topic, study_statement, study_source, expert_statement, expert_source,
       item_id, outcome, outcome_wording, coding, coding_rationale
FROM study_vs_experts
WHERE $outcome IS NULL OR outcome = $outcome
ORDER BY position;
