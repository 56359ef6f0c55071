"""Taking a view away, server-side: the brief of each view (pdftotext and pdftoppm), the deck (python-pptx reopens
it), the citation (only what the report says), and nothing built on a plain rerun."""

import json
import re
import subprocess

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from evidence.content import citation
from evidence.content.findings import BY_SLUG, FINDINGS
from evidence.takeaway import brief, deck, typeset
from evidence.ui import print_view
from evidence.views import VIEWS
from tests.briefs import built_brief, offered, pdf_words, rendered_pages
from tests.views import open_view


def test_the_overview_brief_holds_the_headline_figures_their_sources_and_the_link(db, tmp_path):
    said = pdf_words(built_brief("pages/overview.py", outcome="diverged"), tmp_path)
    for row in db.query("headline_figures", sample_id="2016-06-30").itertuples():
        assert f"{row.figure}: {row.value}" in said and row.source in said
    assert "Study vs experts, showing: diverged" in said
    assert "outcome=diverged" in said  # the view's link
    assert "◇ Project’s coding" in said  # the conclusions are the project's paraphrase, and say so
    assert citation.apa()[:60] in said
    assert rendered_pages(built_brief("pages/overview.py"), tmp_path)


def test_a_filter_set_on_case_studies_is_in_its_brief_with_the_cases_it_leaves(db, tmp_path):
    said = pdf_words(built_brief("pages/case_studies.py", typology="Urged globals"), tmp_path)
    assert "Typology group: Urged globals" in said
    urged = db.query("cases", typology="urged_global")["name"].tolist()
    assert f"{len(urged)} cases of 12 in this view" in said
    figures = said.split("of 12 in this view")[1].split("The typology:")[0]
    for name in db.query("cases", typology=None)["name"]:
        assert (name in figures) == (name in urged), name
    assert "typology=Urged+globals" in said


def test_the_expert_survey_brief_names_the_item_and_who_answered(db, tmp_path):
    said = pdf_words(built_brief("pages/expert_survey.py", item="6.f"), tmp_path)
    assert "Survey item: 6.f" in said
    for row in db.query("survey_samples", sample_id="2016-06-30").itertuples():
        assert f"{row.respondent_type}: {row.share_pct:g}%" in said
    assert "Section 7.1" in said
    for wording in db.query("survey_results", item_id="6.f")["wording"]:
        assert re.sub(r"\s+", " ", wording)[:50] in said


def test_the_policy_brief_holds_the_budgets_with_their_sources_and_the_cell(db, tmp_path):
    content = built_brief("pages/policy.py", cell="customising-export")
    said = pdf_words(content, tmp_path)
    assert "WHAT/HOW cell: Customising × Export and trade" in said
    for row in db.query("instrument_figures", measure="budget_eur").itertuples():
        assert row.wording[:40] in said
    assert "Section 4.1" in said and "Section 4.4.1" in said
    assert len(rendered_pages(content, tmp_path)) >= 2


@pytest.mark.parametrize("view, params, expected", [
    ("workshop", {"slot": ["1115c-weprog"]}, ["Agenda item", "11:15 WEPROG (Denmark/Germany): providing innovative"]),
    ("search", {"search": ["trade fairs"]}, ["Search words", "trade fairs"]),
    ("data", {"table": ["cases"]}, ["Table", "cases"]),
    ("policy", {"cell": ["customising-export"], "q": [""]}, ["WHAT/HOW cell", "Customising × Export and trade"]),
])
def test_every_other_view_has_a_brief_that_says_its_state(view, params, expected):
    # What the brief's filters say (each view's brief is built through its page in the tests around this one).
    ((label, words),) = brief.filters_in_words(view, params)  # an empty value is no filter
    assert [label, words[:len(expected[1])]] == expected


def test_the_search_brief_lists_what_the_search_finds(db, tmp_path):
    said = pdf_words(built_brief("pages/search.py", search="trade fairs"), tmp_path)
    found = db.query("search", phrase="trade fairs", words=["trade", "fairs"], kinds=None, theme=None, section=None)
    assert f"{len(found)} results" in said
    assert re.sub(r"\s+", " ", found["title"].iloc[0])[:40] in said
    assert "Search words: trade fairs" in said  # its state
    assert "How to cite" in said and "accessed" in said


def test_data_text_is_set_as_text_never_run_as_typst(tmp_path):
    hostile = '#panic("run") *bold* $x^2$ <label> @ref `raw` \\ ] ['
    data, _ = brief.brief_data("search", {"search": [hostile]}, "http://example.org/?a=#b", [], "2026-01-01")
    said = pdf_words(typeset.compile_pdf("brief.typ", data), tmp_path)
    assert hostile in said


def test_the_deck_has_a_slide_per_finding_with_native_charts_holding_the_apps_numbers(db, tmp_path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.deck_pptx("http://localhost:8501/?present=1", "2026-01-01"))
    slides = list(Presentation(str(path)).slides)
    assert [s.shapes.title.text for s in slides] == [f.headline for f in FINDINGS]
    charts = {f.slug: next((sh.chart for sh in s.shapes if sh.has_chart), None)
              for f, s in zip(FINDINGS, slides, strict=True)}
    for slide in slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert "Source" in notes and "present=1" in notes
    assert charts["what-how"] is None  # a heatmap: a picture
    assert any(sh.shape_type == 13 for sh in slides[FINDINGS.index(BY_SLUG["what-how"])].shapes)

    def values(slug):
        plot = charts[slug].plots[0]
        return {str(c): [s.values[i] for s in plot.series] for i, c in enumerate(plot.categories)}

    typologies = db.query("cases", typology=None).groupby("typology_label").size()
    assert {k: v[0] for k, v in values("typology").items()} == typologies.to_dict()
    for row in db.query("type_counts").itertuples():  # the report's count (none given: a gap), the cases named
        reported = None if pd.isna(row.reported_count) else row.reported_count
        shown = next(v for k, v in values("collaboration").items() if k.startswith(row.label))
        assert shown == [reported, row.named_cases], row.label
    motives = db.query("case_aggregates", topic="motive")
    assert sorted(v[0] for v in values("home-market").values()) == sorted(motives["cases_count"].tolist())
    budgets = db.query("instrument_figures", measure="budget_eur")
    assert sorted(v[0] for v in values("budgets").values()) == sorted(budgets["value"].tolist())
    barriers = values("culture")
    assert barriers["cultural differences in the new markets"] == [9]
    assert [v for k, v in barriers.items() if "specific cases" in k] == [[None], [None]]  # no number given
    outcomes = db.query("study_vs_experts", outcome=None)["outcome"].value_counts()
    assert {k: sum(v) for k, v in values("confirmed").items()} == outcomes.to_dict()
    assert all(Emu(s.width) > 0 for s in slides[0].shapes)


def test_the_decks_native_charts_wear_the_apps_colours_and_its_text_keeps_its_paragraphs(tmp_path):
    from evidence.charts import palette

    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.deck_pptx("http://localhost:8501/?present=1", "2026-01-01"))
    slides = list(Presentation(str(path)).slides)
    ours = {value.upper().lstrip("#") for value in vars(palette).values()
            if isinstance(value, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", value)}
    for finding, slide in zip(FINDINGS, slides, strict=True):
        for chart in (shape.chart for shape in slide.shapes if shape.has_chart):
            fills = set(re.findall(r'<c:(?:ser|dPt)>.*?<a:srgbClr val="([0-9A-F]{6})"',
                                   chart._chartSpace.xml.replace("\n", ""), re.S))
            assert fills and fills <= ours, (finding.slug, fills - ours)
    collaboration = next(sh.chart for sh in slides[FINDINGS.index(BY_SLUG["collaboration"])].shapes if sh.has_chart)
    colours = re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"', collaboration._chartSpace.xml, re.S)
    assert {palette.TYPES["collaboration"].lstrip("#"), palette.TYPES["branch"].lstrip("#")} <= set(colours)
    # Slide 6 has no quote: its source's two paragraphs, each whole ("symbols counted from the; text" before).
    box = [sh for sh in slides[FINDINGS.index(BY_SLUG["what-how"])].shapes if sh.has_text_frame
           and sh != slides[FINDINGS.index(BY_SLUG["what-how"])].shapes.title][0]
    paragraphs = [p.text for p in box.text_frame.paragraphs]
    assert paragraphs[0] == "Source: Figure in section 4.2 (symbols counted from the text export)"
    assert paragraphs[1].startswith("Project's reading: column labels and intensity are inferred (")
    assert not [p for p in paragraphs if "; " in p]
    notes = slides[FINDINGS.index(BY_SLUG["regions"])].notes_slide.notes_text_frame.text
    assert "Source: Figure 7 (YES 12, NO 25); dashed line: “A majority of experts (70%)”, Section 4.3.3" in \
        notes.split("\n")


def test_the_deck_pdf_is_a_16_9_slide_a_page(tmp_path):
    content = deck.deck_pdf("http://localhost:8501/?present=1", "2026-01-01")
    path = tmp_path / "deck.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{len(FINDINGS)}\b", info) and "720 x 405 pts" in info
    said = pdf_words(content, tmp_path)
    for finding in FINDINGS:
        assert finding.headline.split(":")[0] in said


def test_a_slide_chart_export_carries_the_slides_headline():
    svg = deck.slide_chart("culture", "svg").decode()
    assert BY_SLUG["culture"].headline.split(";")[0] in svg and "What the 12 cases report" not in svg
    assert "Source: Section 3.2" in svg
    assert deck.slide_chart("culture", "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_citation_says_only_what_the_report_says_about_itself(report_text):
    for fact in ("Internationalisation of Innovation in SMEs", "InnovationLab of Salzburg Research GmbH",
                 "DG Research and Innovation", "13th June 2016 in Brussels"):
        assert fact in report_text.replace("’", "'")
    references = citation.apa() + citation.bibtex() + citation.ris()
    assert "(n.d.)" in citation.apa()
    assert not re.search(r"\b(author|editor|year|doi|isbn|publisher)\s*=", citation.bibtex(), re.I)
    assert not re.search(r"^(AU|A1|PY|Y1|DO|SN|PB)  -", citation.ris(), re.M)
    assert not re.search(r"\b(19|20)\d\d\b", references.replace("13 June 2016", ""))  # no year but the workshop's
    assert citation.ris().startswith("TY  - RPRT") and citation.ris().rstrip().endswith("ER  -")
    view = citation.view_citation("Policy", "http://x.org/policy?cell=a", "2026-01-01")
    assert "http://x.org/policy?cell=a (accessed 2026-01-01)" in view


def test_every_view_offers_cite_this_and_builds_nothing_on_a_plain_rerun(monkeypatch):
    calls = []
    monkeypatch.setattr(typeset.typst, "compile", lambda *a, **k: calls.append(a))
    for page_file in (view.file for view in VIEWS.values()):
        app = open_view(page_file)
        app.run()
        assert any(b.label == "Brief as PDF" for b in app.button), page_file
        assert not [label for label in offered(app) if label.startswith(("Download the brief", "Download the deck"))]
    assert calls == []


def test_print_copies_hold_every_row_as_plain_text(db):
    frame = db.query("instruments_filtered", levels=None, kinds=None, text=None)
    copy = json.loads(print_view.rows_json(frame.assign(name=frame["name"].where(frame.index != 0, "a | *b* <i>\nc")),
                                           ["name", "level", "no such column"], {"name": "Name"}))
    assert copy["headers"] == ["Name", "level"] and len(copy["rows"]) == len(frame)
    # Text stays as typed (the browser writes it with textContent); a newline is a space, a missing value blank.
    assert copy["rows"][0][0] == "a | *b* <i> c"
    assert all(isinstance(cell, str) for row in copy["rows"] for cell in row)


def test_print_copies_are_headed_as_the_screen_heads_them(db):
    """The view hands the print copy its st.dataframe column_config: a label, or a column's configuration."""
    import streamlit as st

    frame = db.query("instruments_filtered", levels=None, kinds=None, text=None)
    config = {"name": st.column_config.TextColumn("Name", width="medium"), "level": "Level (project)"}
    copy = json.loads(print_view.rows_json(frame, ["name", "level", "kind"], config))
    assert copy["headers"] == ["Name", "Level (project)", "kind"]
