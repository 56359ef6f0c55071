-- key_figures: every other number in the report, with its qualifier and source.
-- params: none
-- columns: key_figure_id, label, value, value_max, unit, qualifier, wording, source
SELECT key_figure_id, label, value, value_max, unit, qualifier, wording, source
FROM key_figures
ORDER BY key_figure_id;
