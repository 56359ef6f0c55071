-- instrument_figures: the figures the report attaches to instruments, optionally for one measure.
-- params: $measure (an instrument_figures.measure such as 'budget_eur', or NULL for all)
-- columns: figure_id, instrument_id, instrument_name, measure, value, qualifier, wording, source, source_label
SELECT f.figure_id, f.instrument_id, i.name AS instrument_name, f.measure, f.value, f.qualifier, f.wording, f.source,
       coalesce(src.label, f.source) AS source_label
FROM instrument_figures AS f
JOIN instruments AS i USING (instrument_id)
LEFT JOIN sources AS src ON src.source_id = f.source
WHERE $measure IS NULL OR f.measure = $measure
ORDER BY f.measure, f.value DESC;
