-- session_end: end a live session: answers are refused from now on, its results stay.
UPDATE live_sessions SET ended_ms = :now_ms, version = version + 1 WHERE code = :code AND ended_ms IS NULL
