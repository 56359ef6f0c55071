-- session_counts: how many phones joined a session and how many of them answered at least one question.
SELECT
    (SELECT COUNT(*) FROM live_participants WHERE code = :code) AS joined,
    (SELECT COUNT(DISTINCT participant_digest) FROM live_answers WHERE code = :code) AS answered
