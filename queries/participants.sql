-- participants: the workshop participants (Annex 2), optionally from some countries and kinds of organisation.
-- params: $countries (list of participants.country_label as printed, such as 'Italy' or 'EU', or NULL/empty for
--         all), $kinds (list of participants.org_type, or NULL/empty for all)
-- columns: participant_id, family_name, given_name, organisation, country_label, country_iso2, org_type,
--          workshop_role, position, source
SELECT * FROM participants_matching($countries, $kinds)
ORDER BY position;
