"""*Cite this* on a laptop's 1366x768 window: the open panel stays within the window, and what does not fit scrolls
within the panel, down to its last control. In a window too short for it under its button (a laptop with the
browser's own bars), the view brings the button up first."""

import pytest

from evidence.content import citation

from .conftest import WAIT_MS

LAPTOP = (1366, 768)
SHORT = (1366, 420)  # under the Overview's button, 140 px: too little for the panel
PANEL = """() => { const panel = document.querySelector('details.sme-cite-details[open] > .sme-cite');
    const box = panel.getBoundingClientRect(), style = getComputedStyle(panel);
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right, window: innerHeight,
            width: innerWidth, scrolls: panel.scrollHeight > panel.clientHeight + 1, overflow: style.overflowY}; }"""
INSIDE = """(selector) => { const panel = document.querySelector('details.sme-cite-details[open] > .sme-cite');
    const el = panel.querySelector(selector), outer = panel.getBoundingClientRect(), box = el.getBoundingClientRect();
    return box.top >= outer.top - 1 && box.bottom <= outer.bottom + 1 && box.bottom <= innerHeight; }"""


def open_cite(tab, path: str, size: tuple[int, int]):
    page = tab(*size)
    page.page.goto(page.server + path)
    page.settle(WAIT_MS)
    summary = page.page.locator("summary", has_text="Cite this")
    summary.wait_for(timeout=WAIT_MS)
    summary.click()
    page.page.locator("textarea.sme-cite-view").wait_for()
    page.steady(page.page.locator("details.sme-cite-details[open] > .sme-cite"))
    return page


@pytest.mark.parametrize(("path", "size"), [("/", LAPTOP), ("/policy?cell=customising-export", LAPTOP),
                                            ("/workshop", LAPTOP), ("/", SHORT)],
                         ids=["overview", "policy-cell", "workshop", "overview-short-window"])
def test_cite_this_fits_a_768_px_window_and_scrolls_within_itself(tab, path, size):
    page = open_cite(tab, path, size)
    shown = page.page.evaluate(PANEL)
    assert shown["top"] >= 0 and shown["bottom"] <= shown["window"], shown
    assert shown["left"] >= 0 and shown["right"] <= shown["width"], shown
    assert shown["overflow"] in ("auto", "scroll"), shown
    # Its last control is reached by scrolling the panel (as the keyboard's Tab does), and it works there.
    button = page.page.get_by_role("button", name="Download the RIS file")
    button.scroll_into_view_if_needed()
    assert page.page.evaluate(INSIDE, "button.sme-cite-ris")
    assert page.page.evaluate(PANEL)["bottom"] <= size[1]  # the panel moved nothing out of the window
    with page.page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename.endswith(".ris")
    # The references in the panel are the clean ones.
    assert page.page.locator("textarea.sme-cite-bibtex").input_value() == citation.bibtex()
    assert "names no author" not in page.page.locator("textarea.sme-cite-bibtex").input_value()
    page.page.keyboard.press("Escape")
    assert page.page.locator("details.sme-cite-details[open]").count() == 0
    assert page.page.locator('[data-testid="stException"]').count() == 0
