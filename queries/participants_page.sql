-- participants_page: the first rows of participants, as many as a view shows (issue 26: a rerun sends a page).
-- params: $countries (list of participants.country_label as printed, or NULL/empty for all),
--         $kinds (list of participants.org_type, or NULL/empty for all), $rows (an integer, 1 to 1000000: how many)
-- columns: participant_id, family_name, given_name, organisation, country_label, country_iso2, org_type,
--          workshop_role, position, source
SELECT * FROM participants_matching($countries, $kinds)
ORDER BY position
LIMIT $rows;
