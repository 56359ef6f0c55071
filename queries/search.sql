-- search: every piece of text in the evidence base that contains all the words of a search, ranked: the exact
-- phrase first, then matches in more fields, then more words; with the view that shows each piece.
-- params: $phrase (the search as typed, lower-case), $words (list: its words, lower-case), $kinds (list of kinds or
--         NULL/empty), $theme (a theme_id or NULL), $section (a top-level part: 'sec-2', 'sec-3', 'sec-4',
--         'annex-1', 'annex-2', 'annex-3', or NULL)
-- text is what the search reads; a statement's text is the project's paraphrase and the report's quote, also given
-- apart in paraphrase and quote so that the view can mark the paraphrase as the project's; title_mark says when the
-- title is the project's coding (a label it wrote, or its match of a sentence to a type).
-- columns: kind, ref_id, title, text, theme_id, source, view, param, value, paraphrase, quote, title_mark, score
WITH RECURSIVE lineage AS (
    SELECT source_id, source_id AS ancestor, parent_id FROM sources
    UNION ALL
    SELECT l.source_id, s.source_id, s.parent_id
    FROM lineage AS l JOIN sources AS s ON s.source_id = l.parent_id
),
top_part AS (  -- each source's top-level part of the report (a child of the report itself)
    SELECT source_id, ancestor AS part FROM lineage WHERE parent_id = 'report'
),
corpus AS (
    SELECT 'statement' AS kind, statement_id AS ref_id, speaker_label || coalesce(' (' || organisation || ')', '')
               AS title, paraphrase || coalesce(' “' || replace(quote, ' | ', '” “') || '”', '') AS text, theme_id,
           source, 'workshop' AS view, 'speaker' AS param, speaker_label AS value, paraphrase, quote,
           NULL AS title_mark
    FROM statements
    UNION ALL
    SELECT 'survey item', item_id, 'Figure ' || figure_id || ', item ' || letter, text, theme_id, source,
           'expert_survey', 'item', item_id, NULL, NULL, NULL
    FROM survey_items
    UNION ALL
    SELECT 'survey result', result_id, 'Item ' || item_id || ' (project''s reading: ' || replace(measure, '_', ' ')
               || ', ' || verdict || ')',
           wording, NULL, source,
           'expert_survey', 'item', item_id, NULL, NULL, NULL
    FROM survey_results
    UNION ALL
    SELECT 'survey comment', comment_id, 'Comment on ' || q.label, c.text, c.theme_id, c.source,
           'expert_survey', 'item', (SELECT min(i.item_id) FROM survey_items AS i
                                               JOIN survey_figures AS f USING (figure_id)
                                               WHERE f.question_id = c.question_id), NULL, NULL, NULL
    FROM survey_comments AS c JOIN survey_questions AS q USING (question_id)
    UNION ALL
    SELECT 'SWOT item', swot_id, upper(quadrant[1]) || quadrant[2:], text, theme_id, source,
           'policy', 'swot_q', text[1:40], NULL, NULL, NULL
    FROM swot_items
    UNION ALL
    SELECT 'implication', implication_id, 'Implication: ' || domain_id, text, theme_id, source,
           'policy', NULL, NULL, NULL, NULL, NULL
    FROM policy_implications
    UNION ALL
    SELECT 'case', case_id, name, coalesce(description, '') || ' ' || typology_reason, NULL, source,
           'case_studies', 'case', name, NULL, NULL, NULL
    FROM cases
    UNION ALL
    SELECT 'case evidence', a.activity_id,
           c.name || ': ' || a.type_id, a.evidence, NULL, a.source,
           'case_studies', 'case', c.name, NULL, NULL,
           CASE WHEN a.coding = 'project' THEN 'project''s match of the sentence to the type' END
    FROM case_activities AS a JOIN cases AS c USING (case_id)
    UNION ALL
    SELECT 'instrument', instrument_id, name, description || coalesce(' ' || targets, ''), NULL, source,
           'policy', 'q', name, NULL, NULL, NULL
    FROM instruments
    UNION ALL
    SELECT 'contradiction', contradiction_id, topic, statement_a || ' / ' || statement_b, NULL, source_a,
           'data', 'table', 'contradictions', NULL, NULL, 'project''s label'
    FROM contradictions
    UNION ALL
    SELECT 'report passage', passage_id, topic, text, NULL, source,
           'data', 'table', 'report_passages', NULL, NULL, 'project''s label'
    FROM report_passages
),
scored AS (
    SELECT *,
        contains(lower(text), $phrase) AS phrase_in_text,
        contains(lower(title), $phrase) AS phrase_in_title,
        len(list_filter($words, lambda w: contains(lower(text), w))) AS words_in_text,
        len(list_filter($words, lambda w: contains(lower(title), w))) AS words_in_title,
        len(list_filter($words, lambda w: contains(lower(title || ' ' || text), w))) AS words_anywhere
    FROM corpus
)
SELECT kind, ref_id, title, text, theme_id, source, view, param, value, paraphrase, quote, title_mark,
       100 * phrase_in_text::INTEGER + 50 * phrase_in_title::INTEGER
       + 10 * ((words_in_text > 0)::INTEGER + (words_in_title > 0)::INTEGER) + words_in_text + words_in_title
       AS score
FROM scored
WHERE len($words) > 0 AND words_anywhere = len($words)
  AND (coalesce(len($kinds), 0) = 0 OR list_contains($kinds, kind))
  AND ($theme IS NULL OR theme_id = $theme)
  AND ($section IS NULL OR EXISTS (SELECT 1 FROM top_part AS t WHERE t.source_id = scored.source
                                                               AND t.part = $section))
ORDER BY score DESC, kind, ref_id
LIMIT 200;
