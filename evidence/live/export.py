"""The room's answers as tables: the results (counts, n, shares) and the presenter's anonymous CSV with its data-package
description (Frictionless), marked as the room's answers, never the report's."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

RESULT_COLUMNS = ["question_key", "choice", "count", "n", "share"]
EXPORT_COLUMNS = ["question_key", "choice", "comment", "answered_minute"]
FORMULA_STARTS = frozenset("=+-@\t\r")  # a cell a spreadsheet reads as a formula (OWASP's CSV injection)
NOT_THE_REPORT = ("The room's answers, not the report's: what the participants of one live session answered on their "
                  "phones while the findings were presented. They are not part of the report's data "
                  "(data/datapackage.json) and never enter its tables, contradictions or facts.")
FIELDS = [
    {"name": "question_key", "type": "string", "constraints": {"required": True},
     "description": "The question the room was asked: finding:<slug> (does this key finding match what you see?) "
                    "or survey:<item_id> (a statement of the expert survey, on the report's scale)."},
    {"name": "choice", "type": "string", "constraints": {"required": True},
     "description": "The participant's answer: confirm, qualify or disagree for a finding; the value on the "
                    "survey's scale (5 to 1, 1 to 5, or YES / NO) for a survey item."},
    {"name": "comment", "type": "string",
     "description": "The participant's comment, at most 280 characters; empty when none was given or the "
                    "presenter hid it. A comment that begins with = + - @ or a tab is written after an apostrophe "
                    "('), so that a spreadsheet shows it as text and never runs it as a formula."},
    {"name": "answered_minute", "type": "datetime",
     "description": "When the answer was given or last changed, to the minute, in UTC (seconds always 00)."},
]


def minute(ms: int) -> str:
    """Milliseconds since the epoch as the minute, ISO 8601 in UTC (seconds set to 00)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:00Z")


def day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")


def results_frame(rows: list[dict], choices: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """results_counts' rows as one row a (question_key, choice), every choice of `choices` present, 0 included."""
    by_question: dict[str, dict] = {}
    for row in rows:
        counts = by_question.setdefault(row["question_key"], dict.fromkeys(choices.get(row["question_key"], ()), 0))
        if row["choice"] is not None:
            counts[row["choice"]] = int(row["answers"])
    out = []
    for key, counts in by_question.items():
        n = sum(counts.values())
        out += [(key, choice, count, n, count / n if n else 0.0) for choice, count in counts.items()]
        if not counts:
            out.append((key, None, 0, 0, 0.0))
    frame = pd.DataFrame(out, columns=RESULT_COLUMNS)
    return frame.astype({"count": "int64", "n": "int64", "share": "float64"})


def as_text(comment: str | None) -> str | None:
    """A comment as a spreadsheet cell that is text: one beginning with = + - @ or a tab (a formula to Excel,
    LibreOffice, Google Sheets: `=cmd|' /C calc'!A0`) is written after an apostrophe, which they show as text."""
    return "'" + comment if comment and comment[0] in FORMULA_STARTS else comment


def answers_frame(rows: list[dict]) -> pd.DataFrame:
    """export_answers' rows with the time as the minute: question_key, choice, comment (as text), answered_minute."""
    return pd.DataFrame([(row["question_key"], row["choice"], as_text(row["comment"]), minute(row["changed_ms"]))
                         for row in rows], columns=EXPORT_COLUMNS)


def descriptor(code: str, created_ms: int) -> dict:
    """A Frictionless data package of one resource, answers.csv (answers_export written with `to_csv(index=False)`)."""
    date = day(created_ms)
    return {
        "profile": "tabular-data-package",
        "name": f"live-session-{code.lower()}-answers",
        "title": f"This room, {date}: the answers of live session {code}",
        "description": NOT_THE_REPORT,
        "created": datetime.fromtimestamp(created_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keywords": ["the room's answers", "not the report's data", "live session"],
        "resources": [{
            "name": "answers",
            "path": "answers.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": f"This room, {date}: one row an answer",
            "description": NOT_THE_REPORT + " Anonymous: no token, no digest, no address; one row per participant "
                           "and question, the last answer given.",
            "schema": {"fields": FIELDS, "missingValues": [""]},
        }],
    }
