-- challenges_domains: the challenge sets of the report, with the policy domain each principal challenge maps to.
-- params: none
-- columns: challenge_id, challenge_set, position, label, description, domain_id, domain_label, source
SELECT c.challenge_id, c.challenge_set, c.position, c.label, c.description, c.domain_id, d.label AS domain_label,
       c.source
FROM challenges AS c
LEFT JOIN policy_domains AS d USING (domain_id)
ORDER BY list_position(['principal', 'groups', 'discussant_barriers'], c.challenge_set), c.position;
