-- participants_count: how many participants the participants query gives, without sending them.
-- params: $countries (list of participants.country_label as printed, or NULL/empty for all),
--         $kinds (list of participants.org_type, or NULL/empty for all)
-- columns: participants
SELECT count(*) AS participants FROM participants_matching($countries, $kinds);
