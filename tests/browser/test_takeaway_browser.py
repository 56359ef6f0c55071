"""Taking a view away, as users do in Chromium: build a view's brief and download it, take the deck, export a
slide's chart in one click, copy a citation, and print every view (no sidebar, every row of every table)."""

import re
import subprocess

import pytest
from pptx import Presentation

from evidence.content import citation
from evidence.content.findings import FINDINGS
from evidence.views import VIEWS as REGISTRY

from .conftest import VIEW_LINKS, WAIT_MS, shared_load

# The tables each view shows (how many rows each holds, from the data); the Overview's heading is the report's title.
TABLES = {
    "case_studies": [("cases", {"typology": None})],
    "expert_survey": [("study_vs_experts", {"outcome": None})],
    "policy": [("instruments_filtered", {"levels": None, "kinds": None, "text": None}), ("recommendations", {})],
    "workshop": [("participants", {"countries": None, "kinds": None}),
                 ("statements_filtered", {"speakers": None, "organisations": None, "section": None, "theme": None})],
    "data": [("schema_tables", {})],
}
HEADINGS = {"overview": "Internationalisation of Innovation in SMEs"}
VIEWS = [(VIEW_LINKS[key], HEADINGS.get(key, view.title), TABLES.get(key, [])) for key, view in REGISTRY.items()]


def open_deep(tab, path: str, width=1400, height=900):
    """A view's link opened in a fresh browser (the first one may meet a cold server: it waits longer)."""
    page = tab(width, height)
    page.page.goto(page.server + path)
    page.settle(timeout=WAIT_MS)
    return page


def healthy(page, path: str) -> None:
    """No exception on the view, and no console error but Streamlit's probes of a deep link (README)."""
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors(path.strip("/").split("?")[0]) == []


def download(page, build: str, take: str, path):
    """Click a build button, then the download button it brings, and keep the file."""
    page.page.get_by_role("button", name=build).click()
    button = page.page.get_by_role("button", name=take)
    button.wait_for(timeout=WAIT_MS)
    with page.page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    info.value.save_as(path)
    return path


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_filtered_case_studies_view_downloads_as_a_brief_that_says_its_filter(tab, tmp_path):
    page = open_deep(tab, "/case_studies?typology=Urged+globals")
    page.page.get_by_role("heading", name="Case studies", exact=True).wait_for()
    brief = download(page, "Brief as PDF", "Download the brief", tmp_path / "brief.pdf")
    said = pdf_text(brief)
    assert "Typology group: Urged globals" in said
    assert "3 cases of 12 in this view" in said
    for case in ("Acreo", "Aisense", "Kapro"):
        assert case in said
    assert "Numeca" not in said.split("3 cases of 12 in this view")[1].split("The typology:")[0]
    assert "typology=Urged+globals" in re.sub(r"\s+", "", said)  # the view's link, as the browser has it
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(brief), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000
    healthy(page, "/case_studies")


def test_the_overview_gives_the_deck_as_pdf_and_powerpoint(tab, tmp_path):
    page = tab().open("/")
    deck = download(page, "The deck", "Download the deck (PowerPoint)", tmp_path / "deck.pptx")
    slides = list(Presentation(str(deck)).slides)
    assert [slide.shapes.title.text for slide in slides] == [finding.headline for finding in FINDINGS]
    assert all("Source" in slide.notes_slide.notes_text_frame.text for slide in slides)
    pdf = tmp_path / "deck.pdf"
    with page.page.expect_download(timeout=WAIT_MS) as info:
        page.page.get_by_role("button", name="Download the deck (PDF)").click()
    info.value.save_as(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{len(FINDINGS)}\b", info)
    assert "720 x 405 pts" in info  # 16:9
    page.assert_healthy()


def test_a_slide_chart_downloads_in_one_click_with_the_slides_headline(tab, tmp_path):
    page = open_deep(tab, "/?present=1&slide=3", 1280, 720)
    with page.page.expect_download() as info:
        page.page.get_by_role("button", name="SVG").click()
    info.value.save_as(tmp_path / "slide.svg")
    svg = (tmp_path / "slide.svg").read_text(encoding="utf-8")
    assert "Cultural differences are the main barrier" in svg
    assert "What the 12 cases report" not in svg
    page.assert_healthy()


def test_cite_this_offers_the_reference_and_the_view_with_its_link(tab, tmp_path):
    page = open_deep(tab, "/policy?cell=customising-export")
    page.page.locator("summary", has_text="Cite this").click()
    box = page.page.locator("textarea.sme-cite-view")
    box.wait_for()
    page.page.wait_for_function("() => document.querySelector('textarea.sme-cite-view').value.includes(location.href)")
    cited = box.input_value()
    assert "cell=customising-export" in cited and "(accessed 20" in cited
    assert page.page.locator("textarea.sme-cite-apa").input_value().startswith(
        "Internationalisation of Innovation in SMEs [Report on the expert workshop")
    assert page.page.locator("textarea.sme-cite-ris").input_value().startswith("TY  - RPRT")
    page.page.locator(".sme-cite-row", has=box).get_by_role("button", name="Copy").click()
    page.page.wait_for_function("() => document.querySelector('.sme-cite-status').textContent !== ''")
    with page.page.expect_download() as info:
        page.page.get_by_role("button", name="Download the RIS file").click()
    info.value.save_as(tmp_path / "report.ris")
    assert (tmp_path / "report.ris").read_text(encoding="utf-8") == citation.ris()
    page.page.keyboard.press("Escape")
    healthy(page, "/policy")


LAPTOP = (1366, 768)  # tests/browser/test_accessibility_browser.py's: the same load of each view


@pytest.mark.parametrize("path, heading, tables", [pytest.param(*view, marks=shared_load(view[0], *LAPTOP))
                                                   for view in VIEWS])
def test_every_view_prints_without_the_sidebar_and_with_every_table_row(whole_view, tmp_path, db, path, heading,
                                                                         tables):
    page = whole_view(path, *LAPTOP)  # the view's link opened in a fresh browser, drawn at its whole height
    page.page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    assert page.page.locator('[data-testid="stSidebarNav"]').get_by_text("Look up").is_visible()
    # The print styles are on the page (evidence/takeaway/offer.js puts them there a moment after the run).
    page.page.locator("style#sme-takeaway-styles").wait_for(state="attached")
    page.page.emulate_media(media="print")
    assert not page.page.locator('[data-testid="stSidebar"]').is_visible()
    copies = page.page.locator('[class*="st-key-print-table-"] table')
    if tables:  # tables are drawn last: wait for the last one's copy
        copies.nth(len(tables) - 1).wait_for(state="attached")
    # Every table the view shows has its printed copy, with every row the data holds.
    rows = [copies.nth(i).locator("tbody tr").count() for i in range(copies.count())]
    assert rows == [len(db.query(name, **params)) for name, params in tables]
    for index in range(copies.count()):
        assert copies.nth(index).is_visible()
    if path != "/data":  # headed as on screen, in words: no column's internal name (the Data view shows those)
        headings = page.page.locator('[class*="st-key-print-table-"] th').all_inner_texts()
        assert not [text for text in headings if "_" in text], headings
    pdf = tmp_path / "print.pdf"
    page.page.pdf(path=str(pdf), format="A4")
    page.page.emulate_media(media="screen")  # the tab as it was, for any later reader of the same load
    printed = pdf_text(pdf)
    assert heading.split()[0] in printed
    assert "Look up" not in printed and not re.search(r"^\s*Explore\s*$", printed, re.M)  # the sidebar's groups
    assert re.search(r"Printed \d{4}-\d\d-\d\d", printed)
    healthy(page, path)
