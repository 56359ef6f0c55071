"""The live mode's store (issue 25): join codes, the database (SQLite or PostgreSQL), the session API, rate limits."""
