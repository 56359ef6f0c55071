-- survey_regions: the regions chosen by the respondents who wanted a regional focus (Figure 7).
-- params: none
-- columns: region, position, respondents, share_wording, count_derived, source
SELECT region, position, respondents, share_wording, count_derived, source
FROM survey_regions
ORDER BY position;
