-- instrument_figures: the figures the report attaches to instruments, optionally for one measure.
-- params: $measure (an instrument_figures.measure such as 'budget_eur', or NULL for all)
-- The same figure of an instrument of the same name in the same words is one row (the first figure's and
-- instrument's ids): the budgets chart draws what the report says, not how often a data folder repeats it.
-- columns: figure_id, instrument_id, instrument_name, measure, value, qualifier, wording, source, source_label
SELECT min(f.figure_id) AS figure_id, min(f.instrument_id) AS instrument_id, i.name AS instrument_name, f.measure,
       f.value, f.qualifier, f.wording, f.source, coalesce(src.label, f.source) AS source_label
FROM instrument_figures AS f
JOIN instruments AS i USING (instrument_id)
LEFT JOIN sources AS src ON src.source_id = f.source
WHERE $measure IS NULL OR f.measure = $measure
GROUP BY ALL
ORDER BY f.measure, f.value DESC;
