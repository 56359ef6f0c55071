"""Issue 23: quotation marks mean the report's words. Every span in double quotes (curly or straight) on every view,
every slide, every brief and both deck files (slides and speaker notes) is found in data/report.txt."""

import json

import pytest
from pptx import Presentation

from evidence.content.findings import FINDINGS
from evidence.takeaway import deck
from tests.briefs import built_brief
from tests.quoted import not_the_reports, pdf_text, spans, the_reports, unmarked
from tests.views import open_link

# Each view as it opens and with something selected, as a reader shares it.
VIEWS = [
    ("pages/overview.py", {}), ("pages/overview.py", {"outcome": "diverged"}),
    ("pages/case_studies.py", {}), ("pages/case_studies.py", {"case": "WEPROG"}),
    ("pages/expert_survey.py", {"item": "6.d"}), ("pages/expert_survey.py", {"item": "7.a", "sample": "9 June 2016"}),
    ("pages/policy.py", {"cell": "branch-production", "level": "EU", "swot_q": "SMEs"}),
    ("pages/policy.py", {"cell": "customising-export"}),
    ("pages/workshop.py", {"slot": "1115c-weprog"}), ("pages/search.py", {"search": "trade fairs"}),
    ("pages/search.py", {"search": "cultural"}), ("pages/data.py", {"table": "cases"}),
]
LINK = "http://localhost:8501/?present=1"


def _strings(node):
    """The text of a chart's specification (titles, subtitles, labels, its description), not its data rows."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        if all(isinstance(item, str) for item in node):
            yield " ".join(node)  # a title's lines: a quote may run from one line to the next
        else:
            for item in node:
                yield from _strings(item)
    elif isinstance(node, dict):
        if "subtitle" in node:  # a title: its lines and its subtitle's read on (a slide's title is the source line)
            lines = [node.get("text") or "", node["subtitle"]]
            yield " ".join(" ".join(line) if isinstance(line, list) else str(line) for line in lines)
            node = {key: value for key, value in node.items() if key not in ("text", "subtitle")}
        for key, value in node.items():
            if key not in ("datasets", "data"):
                yield from _strings(value)


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def view_text(app) -> str:
    """What a view shows in words: markdown, captions, headings, notices, and its charts' titles and notes."""
    parts = [unmarked(element.value) for kind in ("markdown", "caption", "title", "header", "subheader", "info",
                                                   "warning", "error", "success") for element in app.get(kind)]
    for element in _walk(app.main):
        if getattr(element, "type", "") == "vega_lite_chart":
            parts += list(_strings(json.loads(element.proto.spec)))
    return "\n".join(parts)


def test_the_checker_finds_quoted_spans_and_tells_the_reports_words_from_others():
    text = 'He said “a vast majority of the respondents agreed” and "the home market was simply not big enough"; ' \
           '“The discussions with the experts at the workshop largely validated and confirmed the findings”'
    assert spans(text) == ["a vast majority of the respondents agreed", "The discussions with the experts at the "
                           "workshop largely validated and confirmed the findings",
                           "the home market was simply not big enough"]
    assert not_the_reports(text) == (3, ["The discussions with the experts at the workshop largely validated and "
                                         "confirmed the findings"])
    assert the_reports("con- ducting trade and export … a big step")  # a line wrap, an ellipsis
    assert not the_reports("almost/nearly")


@pytest.mark.parametrize(("page_file", "params"), VIEWS)
def test_every_quote_on_a_view_is_the_reports(page_file, params):
    count, wrong = not_the_reports(view_text(open_link(page_file, **params)))
    assert not wrong, wrong


@pytest.mark.parametrize("number", range(1, len(FINDINGS) + 1))
def test_every_quote_on_a_slide_is_the_reports(number):
    app = open_link("pages/overview.py", present="1", slide=str(number))
    count, wrong = not_the_reports(view_text(app))
    assert not wrong, wrong
    assert count >= (1 if FINDINGS[number - 1].says else 0)


BRIEFS = [VIEWS[i] for i in (1, 3, 4, 6, 8, 9, 11)]  # a brief of each view, something selected


@pytest.mark.parametrize(("page_file", "params"), BRIEFS)
def test_every_quote_in_a_brief_is_the_reports(page_file, params, tmp_path):
    count, wrong = not_the_reports(pdf_text(built_brief(page_file, **params), tmp_path))
    assert not wrong, wrong


def test_every_quote_in_the_deck_pdf_is_the_reports(tmp_path):
    count, wrong = not_the_reports(pdf_text(deck.deck_pdf(LINK, "2026-01-01"), tmp_path))
    assert not wrong, wrong
    assert count >= sum(1 for finding in FINDINGS if finding.says)


def test_every_quote_in_the_powerpoint_and_its_notes_is_the_reports(tmp_path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.deck_pptx(LINK, "2026-01-01"))
    texts = []
    for slide in Presentation(str(path)).slides:
        texts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        texts.append(slide.notes_slide.notes_text_frame.text)
    count, wrong = not_the_reports("\n".join(texts))
    assert not wrong, wrong
    assert count >= 2 * sum(1 for finding in FINDINGS if finding.says)  # on the slide and in its notes
