-- results_counts: every question asked in a session with the answers each choice has (a question with no answer
-- yet: one row, choice NULL, 0 answers), in the order the questions were first asked.
SELECT q.question_key, a.choice, COUNT(a.choice) AS answers, MIN(q.opened_ms) AS first_asked_ms
FROM live_questions AS q
LEFT JOIN live_answers AS a ON a.code = q.code AND a.question_key = q.question_key
WHERE q.code = :code
GROUP BY q.question_key, a.choice
ORDER BY first_asked_ms, q.question_key, a.choice
