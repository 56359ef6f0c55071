-- case_aggregates: the counts the report gives over the 12 cases, optionally for one topic.
-- params: $topic ('activity', 'motive', 'barrier', 'impact', or NULL for all)
-- columns: aggregate_id, topic, item, type_id, cases_count, count_qualifier, count_derived, out_of, wording, source
SELECT aggregate_id, topic, item, type_id, cases_count, count_qualifier, count_derived, out_of, wording, source
FROM case_aggregates
WHERE $topic IS NULL OR topic = $topic
ORDER BY topic, cases_count DESC NULLS LAST, aggregate_id;
