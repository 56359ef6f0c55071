"""Keyboard only: on every view whose chart offers a click, the same choice is made with Tab, the arrows and Enter
(no mouse), from a widget labelled in the report's words, and the view shows what the click would have shown."""

import pytest

from .conftest import CHART_DRAWN, WAIT_MS

FOCUSED_IN = """(label) => {
    const active = document.activeElement;
    // The widget's own control, not the help icon beside its label.
    if (!active || active.closest('[data-testid="stWidgetLabel"], [data-testid="stTooltipIcon"]')) return false;
    const widget = active.closest('[data-testid="stSelectbox"], [data-testid="stMultiSelect"], '
                                  + '[data-testid="stButtonGroup"]');
    if (!widget) return false;
    const own = widget.querySelector('label, [data-testid="stWidgetLabel"]');
    return !!own && own.innerText.trim().startsWith(label);
}"""
HIGHLIGHTED = """() => {
    // Streamlit's select boxes (react-aria): the input names the option the arrows are on.
    const id = document.activeElement && document.activeElement.getAttribute('aria-activedescendant');
    const option = (id && document.getElementById(id))
        || document.querySelector('[role="listbox"] [role="option"][data-focused="true"]');
    return option ? option.innerText.trim() : null;
}"""


def tab_to(page, label: str, limit: int = 400) -> list[str]:
    """Press Tab until the focus is in the widget labelled `label`; the labels passed on the way, in order."""
    page.page.locator("body").focus()
    passed = []
    for _ in range(limit):
        page.page.keyboard.press("Tab")
        if page.page.evaluate(FOCUSED_IN, label):
            return passed
        passed.append(page.page.evaluate("() => (document.activeElement.getAttribute('aria-label') "
                                         "|| document.activeElement.innerText || '').trim().slice(0, 60)"))
    raise AssertionError(f"Tab never reached {label!r}; passed {passed[-20:]}")


def arrow_to(page, option: str, limit: int = 80) -> None:
    """Open the focused list with the down arrow and move down until `option` is highlighted; then Enter."""
    seen = []
    for _ in range(limit):
        page.page.keyboard.press("ArrowDown")
        page.page.wait_for_timeout(60)
        shown = page.page.evaluate(HIGHLIGHTED)
        if shown and shown.startswith(option):
            page.page.keyboard.press("Enter")
            page.settle(WAIT_MS)  # a loaded machine (CI beside other work) can take longer than the default
            return
        seen.append(shown)
    raise AssertionError(f"{option!r} is not among the options: {seen}")


def open_view(tab, path):
    page = tab(1366, 900)
    page.page.goto(page.server + path)
    page.settle(WAIT_MS)
    page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
    return page


def assert_healthy(page, path) -> None:
    """No exception on the view, no console error but Streamlit's base-path probes of a deep link."""
    exceptions = page.page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    assert not page.deep_link_errors(path.strip("/")), page.deep_link_errors(path.strip("/"))


def test_policy_cell_from_the_keyboard(tab):
    page = open_view(tab, "/policy")
    passed = tab_to(page, "Cell")
    # The focus order follows the page: the matrix's own controls come before the selector under it.
    assert any("Data and downloads" in label for label in passed), passed[-10:]
    arrow_to(page, "Employment × R&D and innovation")
    page.page.get_by_role("heading", name="Employment × R&D and innovation").wait_for()
    assert "cell=employment-rnd" in page.page.url
    # The chart shows the choice as a click would: the cell is outlined (its ring is drawn, not announced).
    assert "Instruments that concern it (2)" in page.page.locator('[data-testid="stMain"]').inner_text()
    assert_healthy(page, "/policy")


def test_survey_item_from_the_keyboard(tab):
    page = open_view(tab, "/expert_survey")
    tab_to(page, "Item")
    arrow_to(page, "Figure 5, item c")
    page.page.get_by_role("heading", name="Figure 5, item c").wait_for()
    assert "item=5.c" in page.page.url
    assert_healthy(page, "/expert_survey")


def test_agenda_item_from_the_keyboard(tab):
    page = open_view(tab, "/workshop")
    tab_to(page, "Agenda item")
    arrow_to(page, "10:15")
    assert "slot=" in page.page.url
    page.page.get_by_text("What was said").first.wait_for()
    assert_healthy(page, "/workshop")


@pytest.mark.parametrize(("label", "option", "shown"), [
    ("Typology group", "Urged globals", "3 of 12 cases match."),
    ("Home country", "Netherlands", "2 of 12 cases match."),
])
def test_case_filter_from_the_keyboard(tab, label, option, shown):
    page = open_view(tab, "/case_studies")
    tab_to(page, label)
    arrow_to(page, option)
    page.page.keyboard.press("Escape")
    page.settle(WAIT_MS)
    page.page.get_by_text(shown).wait_for(timeout=WAIT_MS)
    assert_healthy(page, "/case_studies")


def test_study_vs_experts_outcome_from_the_keyboard(tab):
    page = open_view(tab, "/")
    tab_to(page, "Show")
    # A button group is one Tab stop: the focus lands on its first button, the arrows move along it, Enter picks.
    for _ in range(5):
        label = page.page.evaluate("() => document.activeElement.innerText.trim()")
        if "diverged" in label:
            break
        page.page.keyboard.press("ArrowRight")
    assert "diverged" in page.page.evaluate("() => document.activeElement.innerText.trim()")
    page.page.keyboard.press("Enter")
    page.settle(WAIT_MS)
    page.page.get_by_text("2 of 11 findings · diverged").wait_for()
    assert "outcome=diverged" in page.page.url
    assert_healthy(page, "/")
