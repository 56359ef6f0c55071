"""Join codes, host secrets, participant tokens and their digests (only digests are ever stored)."""

from __future__ import annotations

import hashlib
import secrets

# No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6 (a code is read off a screen across a room and typed on a phone).
ALPHABET = "ACDEFHJKMNPQRTUVWXY34679"
LENGTH = 6


def new_code() -> str:
    """Six characters of ALPHABET, from the system's secure random source."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normal_code(text: str | None) -> str | None:
    """A code as typed, upper-cased, with spaces and dashes dropped; None unless six characters of ALPHABET."""
    if not isinstance(text, str):
        return None
    code = text.upper().replace(" ", "").replace("-", "")
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def new_secret() -> str:
    """The presenter's secret, carried by the presenter's link only."""
    return secrets.token_urlsafe(18)


def new_token() -> str:
    """A participant's token, kept in the phone's cookie."""
    return secrets.token_urlsafe(18)


def digest(text: str) -> str:
    """The SHA-256 hex digest of a secret or token: what the store keeps instead of it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
