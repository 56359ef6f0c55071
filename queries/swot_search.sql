-- swot_search: every SWOT item, with whether it matches a text filter and whether it carries the chosen theme.
-- params: $text (a search string, or NULL/''), $theme (a themes.theme_id to highlight, or NULL)
-- columns: swot_id, quadrant, position, text, theme_id, theme_label, matches, highlighted, source
SELECT s.swot_id, s.quadrant, s.position, s.text, s.theme_id, t.label AS theme_label,
       coalesce($text, '') = '' OR contains(lower(s.text), lower($text)) AS matches,
       coalesce(s.theme_id = $theme, false) AS highlighted,
       s.source
FROM swot_items AS s
JOIN themes AS t USING (theme_id)
ORDER BY list_position(['strength', 'weakness', 'opportunity', 'threat'], s.quadrant), s.position;
