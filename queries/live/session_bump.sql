-- session_bump: a new version of a session (a question closed or reopened), so that the phones redraw.
UPDATE live_sessions SET version = version + 1 WHERE code = :code
