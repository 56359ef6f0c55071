-- policy_implications: the study's policy implications with their domain and the challenge each answers.
-- params: none
-- columns: implication_id, domain_id, domain_label, challenge, position, text, theme_id, source
SELECT i.implication_id, i.domain_id, d.label AS domain_label, d.challenge, i.position, i.text, i.theme_id, i.source
FROM policy_implications AS i
JOIN policy_domains AS d USING (domain_id)
ORDER BY d.position, i.position;
