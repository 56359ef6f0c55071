"""The words under a slide's chart, as the slide, the deck PDF and the PowerPoint show them: the report's sentence,
its source, and, where the report contradicts itself about it, the mark the views show with the other side's
words (issue 23: a slide's parts agree, and a contradiction is never hidden)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence.content.findings import Finding
from evidence.query import store

MARK = "The report contradicts itself here"


@dataclass(frozen=True)
class Side:
    words: str  # the report's words, verbatim
    source: str


@dataclass(frozen=True)
class SlideWords:
    quote: str  # the report's words, verbatim
    source: str
    contradiction: str  # the contradiction's topic (the project's summary of it), or ""
    other_sides: tuple[Side, ...]  # what the report says elsewhere that the quote does not hold

    def mark(self) -> str:
        """The mark as one short line of plain text (under a slide's quote); "" where the report does not
        contradict itself. The other side's words are in `other_words` (the speaker notes)."""
        if not self.contradiction:
            return ""
        where = " and ".join(dict.fromkeys(side.source for side in self.other_sides))
        return f"{MARK}: {self.contradiction}" + (f" (see {where})." if where else ".")

    def other_words(self) -> str:
        """What the report says elsewhere, in its words with their sources ("" if nothing)."""
        return " ".join(f"{side.source} says “{side.words.rstrip('.')}”." for side in self.other_sides)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _side_holding(quote: str) -> str | None:
    """The contradiction one of whose sides is (or holds, or is held by) the quoted words, if any: a sentence quoted
    from a table without a contradiction column still shows the mark."""
    said = _plain(quote).lower().rstrip(".")
    for row in store.rows("contradictions").itertuples():
        for side in (row.statement_a, row.statement_b):
            words = _plain(str(side)).lower().rstrip(".")
            if len(words) >= 30 and (words in said or said in words):
                return str(row.contradiction_id)
    return None


def slide_words(finding: Finding) -> SlideWords | None:
    """The report's sentence under a slide, its source, and the contradiction it takes part in (if any)."""
    says = finding.says
    if says is None:
        return None
    rows = store.rows(says.query, **says.params)
    row = rows[rows[says.key_column] == says.key].iloc[0]
    quote, source = str(row[says.text_column]), store.source_label(row[says.source_column])
    contradiction_id = row.get("contradiction_id")
    if not isinstance(contradiction_id, str) or not contradiction_id:
        contradiction_id = _side_holding(quote)
    if contradiction_id is None:
        return SlideWords(quote, source, "", ())
    found = store.rows("contradictions")
    found = found[found["contradiction_id"] == contradiction_id].iloc[0]
    sides = ((found["statement_a"], found["source_a"]), (found["statement_b"], found["source_b"]))
    said = _plain(quote).rstrip(".")
    others = tuple(Side(str(words), store.source_label(where)) for words, where in sides
                   if _plain(str(words)).rstrip(".") not in said and said not in _plain(str(words)))
    return SlideWords(quote, source, str(found["topic"]), others)
