-- themes: the project's theme vocabulary (PROJECT CODING), for the theme filters, by label.
-- params: none
-- columns: theme_id, label, description
SELECT theme_id, label, description
FROM themes
ORDER BY rowid;
