"""What the live session checks before it stores anything, and the messages it refuses with (for the person)."""

from __future__ import annotations

import unicodedata

from evidence.live import codes

COMMENT_MOST = 280  # characters, after stripping (the limit)
KEY_MOST = 200  # characters of a question key
# Bidirectional overrides and isolates (format characters that reorder the text around them): refused in comments.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

NOT_HOST = "Only the presenter's link can do this."
ENDED = "This live session has ended: it takes no more answers."
NOT_ASKED = "This question is not open in this live session."
CLOSED = "This question is closed: it takes no more answers."
NO_TOKEN = "This phone has not joined the session yet: open the join link again."


class LiveError(Exception):
    """Something the live session refuses, with a message for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotHost(LiveError):
    """A host function called without the presenter's secret."""

    def __init__(self, message: str = NOT_HOST):
        super().__init__(message)


def unknown_code(text: object) -> str:
    shown = text.strip().upper()[:20] if isinstance(text, str) else ""
    return f"No live session has the code {shown}." if shown else "Type the code shown on the presenter's screen."


def participant(token: object) -> str:
    if not isinstance(token, str) or not 16 <= len(token) <= 200:
        raise LiveError(NO_TOKEN)
    return codes.digest(token)


def question_key_checked(question_key: object) -> str:
    if not isinstance(question_key, str) or not question_key.strip() or len(question_key) > KEY_MOST:
        raise LiveError("A question is named by a key such as finding:<slug> or survey:<item>.")
    return question_key


def checked_comment(comment: object) -> str | None:
    """A comment as stored: stripped, None when empty; refused when too long or holding control characters (a line
    break is allowed: a phone's text box makes them)."""
    if comment is None:
        return None
    if not isinstance(comment, str):
        raise LiveError("A comment is text.")
    text = comment.replace("\r\n", "\n").strip()
    if not text:
        return None
    if len(text) > COMMENT_MOST:
        raise LiveError(f"A comment has at most {COMMENT_MOST} characters; this one has {len(text)}.")
    if any((unicodedata.category(char) == "Cc" and char != "\n") or char in BIDI_CONTROLS for char in text):
        raise LiveError("A comment cannot hold control characters; write it as plain text.")
    return text
