"""The report cut into the parts a row can cite (sections, figures, tables, footnotes, the back cover).

Each part is the text between its heading (or first words) and the start of the next part, so a row's words can
be looked up in the part it names. A part also holds the parts inside it (a section its figures and subsections).
"""

from __future__ import annotations

import re
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "data" / "report.txt"

# Where a part starts: its heading or first words as the text export prints them, in reading order.
STARTS = [
    ("sec-1", r"^ ?1 BACKGROUND AND OBJECTIVES"), ("sec-2", r"^2 SUMMARY AND CONCLUSIONS"),
    ("sec-3", r"^3 WORKSHOP PART I:"), ("sec-3.1", r"^3\.1 Opening"), ("sec-3.2", r"^ ?3\.2 Study results"),
    ("sec-3.3", r"^ ?3\.3 Feedback"), ("sec-3.4", r"^3\.4 Case studies"), ("sec-3.4.1", r"^3\.4\.1 WEPROG"),
    ("sec-3.4.2", r"^3\.4\.2 LifeTec"), ("sec-3.5", r"^3\.5 Discussion"), ("sec-4", r"^4 WORKSHOP PART II"),
    ("sec-4.1", r"^4\.1 Initiatives"), ("sec-4.2", r"^4\.2 Study results"),
    ("fig-what-how", r"^\s*Business process \(WHAT\)"), ("sec-4.2", r"^Mr\. te Velde presented an overview"),
    ("tab-swot", r"^Strengths Weaknesses"), ("sec-4.2", r"^ The study authors then offered"),
    ("tab-implications", r"^Knowledge “Becoming"), ("sec-4.3", r"^4\.3 Feedback"), ("sec-4.3.1", r"^4\.3\.1 "),
    ("sec-4.3.2", r"^4\.3\.2 "), ("sec-4.3.3", r"^ ?4\.3\.3 "), ("sec-4.4", r"^4\.4 Discussion"),
    ("sec-4.4.1", r"^4\.4\.1 "), ("sec-4.4.2", r"^4\.4\.2 "), ("annex-1", r"^ ?5 ANNEX 1"),
    ("annex-2", r"^ ?6 ANNEX 2"), ("annex-3", r"^ ?7 ANNEX 3"), ("sec-7.1", r"^7\.1 Sample"),
    ("tab-1", r"^Table 1:"), ("sec-7.1", r"^ ?Unavoidably"), ("sec-7.2", r"^ ?7\.2 Assessment"),
    ("sec-7.2.1", r"^7\.2\.1 "), ("fig-1a", r"^ ?Figure 1a:"), ("fig-1b", r"^Figure 1b:"),
    ("sec-7.2.1", r"^Comments by respondents:"), ("sec-7.2.2", r"^ ?7\.2\.2 "), ("fig-2", r"^Figure 2:"),
    ("sec-7.2.2", r"^ ?Comments by respondents on the suggested drivers"), ("fig-3", r"^Figure 3:"),
    ("sec-7.2.2", r"^ ?Comments by respondents on the suggested barriers"), ("sec-7.3", r"^7\.3 Assessment"),
    ("sec-7.3.1", r"^7\.3\.1 "), ("fig-4", r"^Figure 4:"), ("sec-7.3.1", r"^Comments by respondents on trade"),
    ("sec-7.3.2", r"^ ?7\.3\.2 "), ("fig-5", r"^Figure 5:"), ("sec-7.3.2", r"^Comments by respondents on initiat"),
    ("sec-7.3.3", r"^ ?7\.3\.3 "), ("fig-6", r"^Figure 6:"), ("sec-7.3.3", r"^Comments by respondents on different"),
    ("sec-7.3.4", r"^ ?7\.3\.4 "), ("fig-7", r"^Figure 7:"), ("sec-7.4", r"^ ?7\.4 Summary"),
    ("abstract", r"^ ?This report presents the results"),
]
FOOTNOTE = re.compile(r"^ ?([1-5]) +(For a full list|See http|Reverse innovation|To qualify|The question was)")
PARENTS = {"sec-3.1": "sec-3", "sec-3.2": "sec-3", "sec-3.3": "sec-3", "sec-3.4": "sec-3", "sec-3.4.1": "sec-3.4",
           "sec-3.4.2": "sec-3.4", "sec-3.5": "sec-3", "sec-4.1": "sec-4", "sec-4.2": "sec-4",
           "fig-what-how": "sec-4.2", "tab-swot": "sec-4.2", "tab-implications": "sec-4.2", "sec-4.3": "sec-4",
           "sec-4.3.1": "sec-4.3", "sec-4.3.2": "sec-4.3", "sec-4.3.3": "sec-4.3", "sec-4.4": "sec-4",
           "sec-4.4.1": "sec-4.4", "sec-4.4.2": "sec-4.4", "sec-7.1": "annex-3", "tab-1": "sec-7.1",
           "sec-7.2": "annex-3", "sec-7.2.1": "sec-7.2", "fig-1a": "sec-7.2.1", "fig-1b": "sec-7.2.1",
           "sec-7.2.2": "sec-7.2", "fig-2": "sec-7.2.2", "fig-3": "sec-7.2.2", "sec-7.3": "annex-3",
           "sec-7.3.1": "sec-7.3", "fig-4": "sec-7.3.1", "sec-7.3.2": "sec-7.3", "fig-5": "sec-7.3.2",
           "sec-7.3.3": "sec-7.3", "fig-6": "sec-7.3.3", "sec-7.3.4": "sec-7.3", "fig-7": "sec-7.3.4",
           "sec-7.4": "annex-3"}


def parts() -> dict[str, str]:
    """The text of every citable part, each with the text of the parts inside it."""
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    own: dict[str, list[str]] = {}
    current, starts, footnote = None, list(STARTS), None
    for line in lines:
        if match := FOOTNOTE.match(line):
            footnote = f"fn-{match.group(1)}"
        elif footnote and line.startswith(" ") and line.strip():
            footnote = None  # the page's text resumes
        if footnote:
            own.setdefault(footnote, []).append(line)
            continue
        for index, (part, pattern) in enumerate(starts):
            if re.match(pattern, line):
                current, starts = part, starts[index + 1:]
                break
        if current:
            own.setdefault(current, []).append(line)
    text = {part: "\n".join(chunk) for part, chunk in own.items()}
    full = {}
    for part in text:
        inside = [child for child in text if _within(child, part)]
        full[part] = "\n".join(text[c] for c in [part, *inside])
    full["report"] = "\n".join(lines)
    return full


def _within(child: str, part: str) -> bool:
    while child in PARENTS:
        child = PARENTS[child]
        if child == part:
            return True
    return False


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def squash(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


def variants(text: str) -> tuple[str, ...]:
    """A part's text as test_honesty reads the whole report: line-wrap hyphens both ways, footnote markers dropped;
    the last variant without spaces and hyphens."""
    joined = normalise(text)
    soft = re.sub(r"(\w)- (\w)", r"\1\2", joined)
    real = re.sub(r"(\w)- (\w)", r"\1-\2", joined)
    no_markers = re.sub(r"([a-z])\d (?=[(a-z])", r"\1 ", real)
    return joined, soft, real, no_markers, squash(no_markers)


def found(fragment: str, where: tuple[str, ...]) -> bool:
    return any(fragment in variant for variant in where[:-1]) or squash(fragment) in where[-1]
