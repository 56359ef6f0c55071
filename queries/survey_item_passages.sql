-- survey_item_passages: the report's own sentences about one survey item (its reasoning, caveats, reading), in order.
-- params: $item_id (a survey_items.item_id)
-- columns: passage_id, kind, topic, text, source
SELECT passage_id, kind, topic, text, source
FROM report_passages
WHERE item_id = $item_id
ORDER BY position;
