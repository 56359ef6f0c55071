-- survey_regions: the regions chosen by the respondents who wanted a regional focus (Figure 7).
-- params: none
-- columns: region, position, respondents, share_wording, count_derived, source, source_label
SELECT g.region, g.position, g.respondents, g.share_wording, g.count_derived, g.source,
       coalesce(src.label, g.source) AS source_label
FROM survey_regions AS g
LEFT JOIN sources AS src ON src.source_id = g.source
ORDER BY g.position;
