"""The Case studies view in Chromium: linked charts, the tile map, row selection, reset, links with state."""

import re

from playwright.sync_api import Error as PlaywrightError

from .test_browser import click_mark

# Opening a page other than the first by its own URL makes Streamlit's frontend probe that path for its
# server (`/<page>/_stcore/health`, `/host-config`) before falling back to the root; Chromium logs the two
# 404s. They are Streamlit's, harmless, and the only errors tolerated, and only on such deep links.


def open_by_navigation(tab, width=1400, height=1000):
    return tab(width, height).open_view("Case studies", "Case studies")


def matched(page) -> str:
    captions = page.page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    return next((text for text in captions if text.endswith("cases match.")), "")


def table_cells(page, attempts: int = 5) -> list[str]:
    """The case table's cell texts (the grid draws its cells once it is on screen; a rerun may redraw it)."""
    page.settle()
    for attempt in range(attempts):
        try:
            page.page.locator('[data-testid="stDataFrame"]').last.scroll_into_view_if_needed(timeout=5000)
            page.page.locator('[data-testid="stDataFrame"] [role="gridcell"]').first.wait_for(state="attached")
            return page.page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
            page.page.wait_for_timeout(500)
    return []


def test_typology_click_filters_then_a_row_shows_the_card_and_reset_clears_all(tab):
    page = open_by_navigation(tab)
    page.picture("case-studies.png")
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-roledescription="bar"][aria-label^="Aisense, "]')
    page.page.get_by_text("3 of 12 cases match.").wait_for()
    assert "typology=Urged+globals" in page.page.url
    cells = table_cells(page)
    assert {"Acreo", "Aisense", "Kapro"} <= set(cells) and "LifeTec" not in cells
    # The tile map now counts only the urged globals: Slovenia 1 matching, the Netherlands 0.
    netherlands = page.page.locator('[data-testid="stVegaLiteChart"] [aria-label^="Netherlands: "]').first
    assert "0 matching the filters" in netherlands.get_attribute("aria-label")
    slovenia = page.page.locator('[data-testid="stVegaLiteChart"] [aria-label^="Slovenia: "]').first
    assert "1 matching the filters" in slovenia.get_attribute("aria-label")
    page.picture("case-studies-filtered.png")
    # A row of the filtered table opens the case's card.
    grid = page.page.locator('[data-testid="stDataFrame"] canvas').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.page.mouse.click(box["x"] + 15, box["y"] + 35 + 17 + 35)  # second row: Aisense
    page.settle()
    page.page.get_by_role("heading", name="Aisense").wait_for()
    assert "case=Aisense" in page.page.url
    # The heading can be drawn a moment before the rest of the card: wait for the text, do not count it.
    page.page.get_by_text("markets a device").first.wait_for()
    page.picture("case-studies-card.png")
    page.page.get_by_role("button", name=re.compile("Reset")).click()
    page.settle()
    page.page.get_by_text("12 of 12 cases match.").wait_for()
    assert not re.search(r"[?&](typology|country|type|presented|case)=", page.page.url)
    assert page.page.get_by_role("heading", name="Aisense").count() == 0
    page.assert_healthy()


def test_country_tile_click_filters(tab):
    page = open_by_navigation(tab)
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-label^="Netherlands: "]')
    page.page.get_by_text("2 of 12 cases match.").wait_for()
    assert "country=Netherlands" in page.page.url
    assert {"KeyGene", "LifeTec"} <= set(table_cells(page))
    page.assert_healthy()


def test_type_click_filters(tab):
    page = open_by_navigation(tab)
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-roledescription="bar"]'
                     '[aria-label*="the report counts 6 of 12"]')
    page.page.get_by_text("2 of 12 cases match.").wait_for()
    assert "type=branch" in page.page.url
    page.assert_healthy()


def test_url_reproduces_a_filtered_view(tab):
    page = tab(1400, 1000).open("/case_studies?country=Netherlands&country=Germany&type=customising&case=LifeTec")
    page.page.get_by_text("2 of 12 cases match.").wait_for()
    page.page.get_by_role("heading", name="LifeTec").wait_for()
    assert {"Food Freshly", "LifeTec"} <= set(table_cells(page))
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors("case_studies") == []


def test_junk_case_studies_links_break_nothing(tab):
    page = tab(1400, 1000).open("/case_studies?typology=%3Cscript%3E&case=nobody&country=Atlantis&presented=2")
    page.page.get_by_text("12 of 12 cases match.").wait_for()
    assert page.page.get_by_text(re.compile("This link carried unusable value")).count() == 1
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors("case_studies") == []
