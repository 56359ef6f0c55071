-- session_insert: a new live session on the join slide (slide 0), nothing asked yet; no row when the code is taken.
INSERT INTO live_sessions (code, host_digest, created_ms, ended_ms, slide, question_key, version)
VALUES (:code, :host_digest, :now_ms, NULL, 0, NULL, 0)
ON CONFLICT (code) DO NOTHING
