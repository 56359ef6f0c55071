-- participants: the workshop participants (Annex 2), optionally from one country as printed.
-- params: $country_label (a participants.country_label such as 'Italy' or 'EU', or NULL for all)
-- columns: participant_id, family_name, given_name, organisation, country_label, country_iso2, org_type,
--          workshop_role, position, source
SELECT participant_id, family_name, given_name, organisation, country_label, country_iso2, org_type,
       workshop_role, position, source
FROM participants
WHERE $country_label IS NULL OR country_label = $country_label
ORDER BY position;
