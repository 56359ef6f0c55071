-- participant_join: record a phone (the digest of its token) in a session, once.
INSERT INTO live_participants (code, participant_digest, joined_ms) VALUES (:code, :participant_digest, :now_ms)
ON CONFLICT (code, participant_digest) DO NOTHING
