"""Issue 23: a brief is the screen on paper. Whatever the reader selected (an item, a cell, a case, a slot, a search)
is in the brief with what the view shows for it, the lists as filtered, counts read as words do, no on-screen
instruction prints, no type is under 8 pt and no page holds a lone line."""

import re
import subprocess

import pytest

from tests.briefs import built_brief, pdf_words

BRIEFS = {  # what a reader selects on each view, as the link holds it
    "item": ("pages/expert_survey.py", {"item": "6.d"}),
    "item-contradicted": ("pages/expert_survey.py", {"item": "6.f"}),
    "cell": ("pages/policy.py", {"cell": "branch-production", "level": "EU", "swot_q": "SMEs"}),
    "case": ("pages/case_studies.py", {"case": "Aisense"}),
    "one-case": ("pages/case_studies.py", {"country": "Slovenia"}),
    "slot": ("pages/workshop.py", {"slot": "1115c-weprog"}),
    "search": ("pages/search.py", {"search": "trade fairs"}),
}
_BUILT: dict[str, bytes] = {}


def brief(name: str) -> bytes:
    if name not in _BUILT:
        page_file, params = BRIEFS[name]
        _BUILT[name] = built_brief(page_file, **params)
    return _BUILT[name]


def words(name: str, tmp_path) -> str:
    """The brief's text, apostrophes straight (Typst curls those of the template, not those of the data)."""
    return pdf_words(brief(name), tmp_path).replace("\u2019", "'")


def flat(text: str, length: int = 60) -> str:
    return re.sub(r"\s+", " ", text)[:length]


def test_the_survey_item_brief_holds_what_the_report_says_about_it(db, tmp_path):
    said = words("item", tmp_path)
    item = db.query("survey_item", item_id="6.d").iloc[0]
    assert flat(item["text"], 40) in said
    results = db.query("survey_results", item_id="6.d")
    assert "More than 40% are undecided or not convinced" in said
    for row in results.itertuples():
        assert flat(row.wording) in said and row.source_label in said
    assert "Section 7.3.3" in said and "Figure 6" in said
    assert "Project's reading: measure" in said  # the project's coding of each result, marked
    comments = db.query("survey_comments", question_ids=[item["question_id"]])
    assert f"Respondents' comments on this question ({len(comments)})" in said
    for comment in comments.itertuples():
        assert flat(comment.text, 40) in said


def test_a_contradiction_the_item_takes_part_in_is_marked_in_its_brief(tmp_path):
    said = words("item-contradicted", tmp_path)
    assert "The report contradicts itself here: Figure 6 totals rounded in the summary" in said


def test_the_policy_cell_brief_holds_the_cells_panel_and_the_lists_as_filtered(db, tmp_path):
    said = words("cell", tmp_path)
    assert "WHAT/HOW cell: Branching × Production" in said
    for act in db.query("type_activities", type_id="branch").itertuples():
        assert act.case_name in said and flat(act.evidence, 50) in said
    links = db.query("cell_links", type_id="branch", process_id="production")
    assert len(links) > 0
    for link in links.itertuples():
        assert flat(link.text, 50) in said, link.entity_id
    instruments = db.query("instruments_filtered", levels=["EU"], kinds=None, text=None)
    every = db.query("instruments_filtered", levels=None, kinds=None, text=None)
    assert f"Instruments: {len(instruments)} of {len(every)} instruments" in said
    for name in instruments["name"]:
        assert flat(name, 40) in said
    swot = db.query("swot_search", text="SMEs", theme=None)
    assert f"SWOT: {int(swot['matches'].sum())} of {len(swot)} items" in said
    for text in swot[swot["matches"]]["text"]:
        assert flat(text, 50) in said
    assert "Project's link" in said  # the links are the project's, and say so


def test_the_case_brief_holds_the_cases_card(db, tmp_path):
    said = words("case", tmp_path)
    card = db.query("case_card", case_id="aisense").iloc[0]
    assert flat(card["description"]) in said and flat(card["typology_reason"]) in said
    for row in db.query("case_activities", case_id="aisense").itertuples():
        assert flat(row.evidence) in said


def test_counts_read_as_words_do(tmp_path):
    said = words("one-case", tmp_path)
    assert "1 case of 12 in this view" in said
    assert not re.search(r"\b1 (cases|results|items|instruments|statements|comments)\b", said)
    assert not re.search(r"\bThe 1\b", said)


def test_the_workshop_brief_holds_what_was_said_in_the_slot(db, tmp_path):
    said = words("slot", tmp_path)
    statements = db.query("statements", section="sec-3.4.1")
    assert f"{len(statements)} statements" in said
    for row in statements.itertuples():
        assert flat(row.paraphrase, 50) in said
    assert said.count("◇ Project's coding") >= len(statements)  # paraphrases, marked as the project's


def test_the_search_brief_holds_every_result_with_its_text(db, tmp_path):
    said = words("search", tmp_path)
    found = db.query("search", phrase="trade fairs", words=["trade", "fairs"], kinds=None, theme=None, section=None)
    assert f"{len(found)} results" in said
    for row in found.itertuples():
        assert flat(row.title, 40) in said and flat(row.text, 40) in said
    assert "The paraphrase is the project's" in said


@pytest.mark.parametrize("name", list(BRIEFS))
def test_no_on_screen_instruction_prints(name, tmp_path):
    said = words(name, tmp_path)
    assert not re.search(r"\b(click|hover)\b", said, re.I), re.search(r".{60}\b(click|hover)\b.{40}", said, re.I)


def _pdf(name: str, tmp_path):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(brief(name))
    return path


@pytest.mark.parametrize("name", ["item", "cell", "case", "slot"])
def test_no_type_is_under_8_pt(name, tmp_path):
    """pdftotext's word boxes: 8 pt type in the charts' font is a 7.5 pt box (8 pt Libertinus a 9.1 pt one)."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(_pdf(name, tmp_path)), "-"], capture_output=True, text=True,
                           check=True).stdout
    heights = [float(y1) - float(y0) for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                                                               boxes)]
    assert heights and min(heights) >= 7.5, min(heights)


@pytest.mark.parametrize("name", ["item", "cell", "case", "slot", "search"])
def test_no_page_holds_a_lone_line(name, tmp_path):
    path = _pdf(name, tmp_path)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    for number, page in enumerate([page for page in pages if page.strip()], start=1):
        lines = [line for line in page.splitlines() if line.strip()][:-1]  # the foot (link, date, page) aside
        assert len(lines) >= 3, (number, lines)
