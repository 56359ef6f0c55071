"""Quoted spans of what a reader sees, and whether the report wrote them: shared by the quote tests.

Quotation marks mean the report's words (issue 23). A span is what stands between a pair of double quotes, curly
(“…”, nested pairs kept whole) or straight ("…"). It is checked against the whole report as the data's honesty
tests read it (tests/report_spans.py): whitespace and line wraps collapsed, line-wrap hyphens both ways, curly
and straight quotes alike. An ellipsis stands for words left out: each piece around it must be the report's.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

from tests import report_spans

# Markdown the app writes around data text: a colour or badge directive (keep its text), escapes, bold marks.
_DIRECTIVE = re.compile(r":[a-z]+(?:-[a-z]+)*\[((?:\\.|[^\]\\])*)\]")
_ESCAPE = re.compile(r"\\(.)")


def unmarked(markdown: str) -> str:
    """Markdown as the reader sees it: directives reduced to their text, escapes and bold marks removed."""
    text = _DIRECTIVE.sub(r"\1", markdown)
    return _ESCAPE.sub(r"\1", text).replace("**", "")


def spans(text: str) -> list[str]:
    """Every span between double quotes: curly pairs (balanced, so a quote inside a quote stays inside), then
    straight pairs (which may hold a curly quote: "… (e.g., using “innovation-oriented trade missions”)")."""
    found, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "“":
            start = index + 1 if depth == 0 else start
            depth += 1
        elif char == "”" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:index])
    found += re.findall(r'"([^"]+)"', text)
    return [span.strip() for span in found if span.strip()]


@cache
def _report() -> tuple[str, ...]:
    return report_spans.variants(report_spans.REPORT.read_text(encoding="utf-8"))


def the_reports(span: str) -> bool:
    """Whether the report wrote these words. An ellipsis leaves words out; a stop or comma at either end may be
    the quoting sentence's; the first letter may change case (a sentence quoted inside another, as is usual)."""
    pieces = [p.strip(" .,;:") for p in re.split(r"[(\[]?(?:…|\.\.\.)[)\]]?", report_spans.normalise(span))]
    pieces = [p for p in pieces if p]
    return bool(pieces) and all(any(report_spans.found(form, _report()) for form in (piece, piece[0].swapcase()
                                                                                       + piece[1:]))
                                for piece in pieces)


def not_the_reports(text: str) -> tuple[int, list[str]]:
    """How many quoted spans a text holds, and those the report never wrote."""
    quoted = spans(text)
    return len(quoted), [span for span in quoted if not the_reports(span)]


def pdf_text(content: bytes, folder: Path) -> str:
    """A PDF's text as pdftotext reads it (layout order, line wraps kept: normalise joins them)."""
    path = folder / "quoted.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
