"""Workshop, Evidence search and Data in Chromium: a slot click, a search and its link, a download, a query."""

import re

from .test_browser import click_mark


def test_agenda_slot_click_shows_what_was_said(tab):
    page = tab(1400, 1000).open_view("Workshop", "Workshop")
    page.picture("workshop.png")
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-roledescription="bar"][aria-label*="WEPROG"]')
    said = re.compile(r"What was said, in the project's paraphrase \(\d+ statements, Section 3\.4\.1\)")
    page.page.get_by_text(said).wait_for()
    assert "slot=1115c-weprog" in page.page.url
    page.page.get_by_text("Selling complex technical methods").first.wait_for()
    page.assert_healthy()


def test_search_finds_a_phrase_and_links_to_its_view(tab):
    page = tab(1400, 1000).open("/")  # the search view has no chart to wait for
    page.page.locator('[data-testid="stSidebarNav"] a', has_text="Evidence search").click()
    page.settle()
    box = page.page.get_by_role("textbox", name="Search the evidence")
    box.fill("informal business networks")
    box.press("Enter")
    page.settle()
    page.page.get_by_text(re.compile(r"^\d+ results?$")).wait_for()
    page.picture("search.png")
    first = page.page.locator('[data-testid="stPageLink"] a', has_text="Expert survey").first
    item = re.search(r"item=(\w+)\.(\w)", first.get_attribute("href"))
    first.click()
    page.settle()
    page.page.get_by_role("heading", name=f"Figure {item.group(1)}, item {item.group(2)}").wait_for()
    assert "expert_survey" in page.page.url and f"item={item.group(1)}.{item.group(2)}" in page.page.url
    page.assert_healthy()


def test_download_delivers_the_right_rows_and_sql_returns_rows(tab, db):
    page = tab(1400, 1000).open("/")
    page.page.locator('[data-testid="stSidebarNav"] a', has_text="Data").click()
    page.settle()
    page.page.get_by_role("heading", name="Data", exact=True).wait_for()
    select = page.page.locator('[data-testid="stSelectbox"]', has_text="Table").first.locator("input")
    select.click()
    select.type("swot_items")
    page.page.keyboard.press("Enter")
    page.settle()
    with page.page.expect_download() as info:
        page.page.locator('[data-testid="stDownloadButton"] button', has_text="CSV", has_not_text="zip").first.click()
    lines = info.value.path().read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("swot_id,quadrant") and len(lines) == 1 + len(db.query("swot", quadrant=None))
    sql = page.page.get_by_role("textbox", name="SQL")
    sql.fill("SELECT quadrant, count(*) AS items FROM swot_items GROUP BY quadrant ORDER BY items DESC")
    page.page.get_by_role("button", name="Run").click()
    page.settle()
    page.page.get_by_text(re.compile(r"^4 rows in \d+ ms$")).wait_for()
    page.picture("data.png")
    page.assert_healthy()
