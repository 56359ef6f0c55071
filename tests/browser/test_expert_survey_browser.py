"""The Expert survey view in Chromium: a click opens an item's panel, the theme filter, links with state."""

import re

from .test_browser import click_mark


def open_by_navigation(tab, width=1400, height=1000):
    return tab(width, height).open_view("Expert survey", "Expert survey")


def statement_marks(page):
    return page.page.locator('[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label^="Figure "]')


def test_clicking_an_item_opens_its_panel_and_the_theme_filter_changes_the_chart(tab):
    page = open_by_navigation(tab)
    page.picture("expert-survey.png")
    statement_marks(page).first.wait_for()  # the chart draws all its marks at once
    before = statement_marks(page).count()
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label*="(5.c): "]')
    page.page.get_by_role("heading", name="Figure 5, item c").wait_for()
    assert "item=5.c" in page.page.url
    page.page.get_by_text("Finding the right person that has trust and access to customers").first.wait_for()
    # The theme filter narrows the chart to its items.
    box = page.page.locator('[data-testid="stMultiSelect"]', has_text="Themes").locator("input")
    box.click()
    box.type("Support measures")
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Escape")
    page.settle()
    page.page.get_by_text(re.compile(r"^6 items, 18 results")).wait_for()
    after = statement_marks(page).count()
    assert 0 < after < before
    assert "theme=Support+measures" in page.page.url
    page.assert_healthy()


def test_url_reproduces_the_selection(tab):
    page = tab(1400, 1000).open("/expert_survey?theme=Trade+missions&item=4.d&sample=9+June+2016")
    page.page.get_by_role("heading", name="Figure 4, item d").wait_for()
    page.page.get_by_text(re.compile(r"^6 items, 11 results")).wait_for()
    page.page.get_by_text("By 9th June 2016, 43 valid responses").first.wait_for()
    page.picture("expert-survey-item.png")
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors("expert_survey") == []


STATEMENTS = '[data-testid="stVegaLiteChart"]:has([aria-label^="Figure "])'


def test_an_item_clicked_stays_drawn_and_opens_again_after_the_selector_picked_another(tab):
    """A click updates the chart where it is (not drawn anew: the click's result shows sooner); an item picked in
    the selector draws it afresh, so a click on the first item again still opens it."""
    page = open_by_navigation(tab)
    statement_marks(page).first.wait_for()
    point = '[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label*="({}): "]'
    click_mark(page, point.format("5.c"))
    page.page.get_by_role("heading", name="Figure 5, item c").wait_for()
    page.page.locator(STATEMENTS).evaluate("(chart) => { chart.querySelector('svg').dataset.probe = 'kept'; }")
    click_mark(page, point.format("6.f"))
    page.page.get_by_role("heading", name="Figure 6, item f").wait_for()
    assert page.page.locator(f"{STATEMENTS} svg[data-probe='kept']").count() == 1  # the same drawing, updated
    # Another item from the selector (as the keyboard or a link would), then the first one clicked again.
    selector = page.page.locator('[data-testid="stSelectbox"]', has_text="Item").locator("input")
    selector.click()
    selector.type("Figure 4, item d")
    page.page.keyboard.press("Enter")
    page.page.get_by_role("heading", name="Figure 4, item d").wait_for()
    page.settle()
    click_mark(page, point.format("6.f"))
    page.page.get_by_role("heading", name="Figure 6, item f").wait_for()
    assert "item=6.f" in page.page.url
    page.assert_healthy()
