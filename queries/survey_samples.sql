-- survey_samples: the survey sample as reported on one date, with its respondent types.
-- params: $sample_id ('2016-06-09' or '2016-06-30')
-- columns: sample_id, as_of, valid_responses, complete, partial, max_per_country, respondent_type, position,
--          share_pct, wording, source, source_label
SELECT
    s.sample_id, s.as_of, s.valid_responses, s.complete, s.partial, s.max_per_country,
    r.respondent_type, r.position, r.share_pct, s.wording, s.source, coalesce(src.label, s.source) AS source_label
FROM survey_samples AS s
LEFT JOIN survey_respondent_types AS r USING (sample_id)
LEFT JOIN sources AS src ON src.source_id = s.source
WHERE s.sample_id = $sample_id
ORDER BY r.position;
