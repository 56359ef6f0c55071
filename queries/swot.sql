-- swot: the SWOT items of section 4.2, optionally for one quadrant.
-- params: $quadrant ('strength', 'weakness', 'opportunity', 'threat', or NULL for all)
-- columns: swot_id, quadrant, position, text, theme_id, theme_label, source
SELECT s.swot_id, s.quadrant, s.position, s.text, s.theme_id, t.label AS theme_label, s.source
FROM swot_items AS s
JOIN themes AS t USING (theme_id)
WHERE $quadrant IS NULL OR s.quadrant = $quadrant
ORDER BY list_position(['strength', 'weakness', 'opportunity', 'threat'], s.quadrant), s.position;
