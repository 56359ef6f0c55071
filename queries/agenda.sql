-- agenda: the workshop agenda (Annex 1) with the speakers of each item.
-- params: none
-- columns: slot_id, part, start_time, end_time, title, kind, report_section, speakers, source
SELECT
    a.slot_id, a.part, a.start_time, a.end_time, a.title, a.kind, a.report_section,
    -- the first eight speakers and a count of the rest (today's longest item has four): a slot's words stay short
    array_to_string(list(p.given_name || ' ' || p.family_name ORDER BY p.position)[1:8], '; ')
        || CASE WHEN count(p.participant_id) > 8 THEN format(' and {:,} more', count(p.participant_id) - 8) ELSE '' END
        AS speakers,
    a.source
FROM agenda AS a
LEFT JOIN agenda_speakers AS s USING (slot_id)
LEFT JOIN participants AS p USING (participant_id)
GROUP BY ALL
ORDER BY a.start_time, a.slot_id;
