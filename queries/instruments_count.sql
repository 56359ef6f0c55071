-- instruments_count: how many instruments instruments_filtered gives, without sending them.
-- params: $levels (list of instruments.level, or NULL/empty for all), $kinds (list of instruments.kind, or NULL/empty),
--         $text (a search string, or NULL/'')
-- columns: instruments
SELECT count(*) AS instruments FROM instruments_matching($levels, $kinds, $text);
