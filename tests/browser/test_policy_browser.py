"""The Policy view in Chromium: a matrix click opens the cell's panel, the SWOT filter, a link with a cell."""

import re

from .test_browser import click_mark


def open_by_navigation(tab, width=1400, height=1000):
    return tab(width, height).open_view("Policy", "Policy")


def test_matrix_click_opens_the_cell_panel_and_the_swot_filter(tab, db):
    page = open_by_navigation(tab)
    page.picture("policy.png")
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-label^="Employment, R&D and innovation: "]')
    page.page.get_by_role("heading", name="Employment × R&D and innovation").wait_for()
    assert "cell=employment-rnd" in page.page.url
    text = page.page.locator('[data-testid="stMain"]').inner_text()
    assert "Instruments that concern it (2)" in text and "Marie Skłodowska-Curie" in text
    assert "Little attention yet for human resource management (employment)." in text
    assert "Implications that concern it" in text and "Project's link" in text
    # The SWOT filter, further down the same view.
    matching = int(db.query("swot_search", text="customisation", theme=None)["matches"].sum())
    box = page.page.get_by_label("Filter the SWOT")
    box.fill("customisation")
    box.press("Enter")
    page.settle()
    page.page.get_by_text(re.compile(rf"^{matching} of 23 items shown")).wait_for()
    assert 0 < matching < 23
    assert "swot_q=customisation" in page.page.url
    page.assert_healthy()


def test_url_reproduces_a_selected_cell(tab):
    page = tab(1400, 1000).open("/policy?cell=customising-export")
    page.page.get_by_role("heading", name="Customising × Export and trade").wait_for()
    page.page.get_by_text("Within trade and export promotion measures there is little attention").first.wait_for()
    page.picture("policy-cell.png")
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors("policy") == []
