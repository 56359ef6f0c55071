-- tally_counts: how many answers each choice of a question has in a session.
SELECT choice, COUNT(*) AS answers FROM live_answers
WHERE code = :code AND question_key = :question_key
GROUP BY choice
ORDER BY choice
