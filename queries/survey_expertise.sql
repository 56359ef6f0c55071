-- survey_expertise: Table 1, respondents' self-assessed expertise by domain and level.
-- params: none
-- columns: domain, level, share_pct, source
SELECT domain, level, share_pct, source
FROM survey_expertise
ORDER BY
    list_position(['SMEs', 'Innovation', 'Research', 'International business'], domain),
    list_position(['High', 'Medium', 'Low'], level);
