-- answer_mine: a participant's own answer to a question (choice and comment), to show it back after a reload.
SELECT choice, comment FROM live_answers
WHERE code = :code AND question_key = :question_key AND participant_digest = :participant_digest
