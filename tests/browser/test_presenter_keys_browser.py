"""A presenter with a clicker and, now and then, the mouse: the clicker's keys move the slides wherever the focus
is (but in a text field), and no focus frame rings the slide; controls reached from the keyboard keep their ring."""

import re

from evidence.content.findings import FINDINGS

from .conftest import CHART_DRAWN, WAIT_MS

PROJECTOR = (1280, 720)
# Anything drawing a frame around the slide: the slide's heading and every block that holds it, their outline,
# shadow or a pseudo-element (Streamlit rings its main block with a ::before).
FRAMES = """() => {
    const frames = [];
    for (let el = document.querySelector('h1'); el; el = el.parentElement) {
        const own = getComputedStyle(el), before = getComputedStyle(el, '::before');
        const name = el.tagName + ' ' + (el.getAttribute('data-testid') || '');
        if (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0) frames.push(name + ' outline');
        if (own.boxShadow !== 'none') frames.push(name + ' shadow');
        if (before.content !== 'none' && before.content !== 'normal') frames.push(name + ' ::before');
    }
    return frames;
}"""


def at_slide(page, number: int) -> None:
    """The slide `number` is drawn: its headline, its counter, its link."""
    page.page.get_by_role("heading", name=FINDINGS[number - 1].headline).wait_for()
    page.page.get_by_text(f"{number} / {len(FINDINGS)}", exact=True).wait_for()
    page.settle()
    assert re.search(rf"[?&]slide={number}\b", page.page.url), page.page.url


def open_slides(tab, slide: int = 1):
    page = tab(*PROJECTOR)
    page.page.goto(page.server + f"/?present=1&slide={slide}")
    page.settle(WAIT_MS)
    page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
    at_slide(page, slide)
    return page


def test_the_clickers_keys_move_slides_after_next_was_clicked_with_the_mouse(tab):
    page = open_slides(tab)
    page.page.locator(".st-key-slide-next button").click()  # the mouse: the focus stays on the button
    at_slide(page, 2)
    assert page.page.evaluate("() => document.activeElement.closest('.st-key-slide-next') !== null")
    page.page.keyboard.press("PageDown")
    at_slide(page, 3)
    page.page.keyboard.press("PageUp")
    at_slide(page, 2)
    page.page.keyboard.press("PageDown")
    at_slide(page, 3)
    assert page.page.evaluate(FRAMES) == []
    # Space on the focused Next button presses it, once: one slide on, not two.
    page.page.locator(".st-key-slide-next button").focus()
    page.page.keyboard.press("Space")
    at_slide(page, 4)
    page.assert_healthy()


def test_no_frame_rings_the_slide_after_a_click_on_it_and_a_key(tab):
    page = open_slides(tab, 2)
    page.page.locator(".st-key-slide-chart").click()  # on the slide: the focus goes to Streamlit's main block
    page.page.keyboard.press("PageDown")
    at_slide(page, 3)
    assert page.page.evaluate("() => document.activeElement.matches('[data-testid=\"stMain\"]:focus-visible')")
    assert page.page.evaluate(FRAMES) == []
    page.page.keyboard.press("ArrowLeft")  # the buttons' own shortcut, from the same place
    at_slide(page, 2)
    assert page.page.evaluate(FRAMES) == []
    page.assert_healthy()


def test_keys_stay_in_a_text_field_and_controls_keep_their_focus_ring(tab):
    page = open_slides(tab, 2)
    # A text field keeps its keys (the slides have none of their own: one is put on the page for the test).
    page.page.evaluate("""() => { const field = document.createElement('input'); field.id = 'probe-field';
                                  field.setAttribute('aria-label', 'probe'); document.body.appendChild(field); }""")
    page.page.locator("#probe-field").focus()
    page.page.keyboard.press("PageDown")
    page.page.keyboard.press("Space")
    page.settle()
    assert page.page.locator("#probe-field").input_value() == " "
    at_slide(page, 2)
    page.page.evaluate("() => document.getElementById('probe-field').remove()")
    # From the keyboard, a control shows where the focus is (WCAG 2.4.7), and so does the main block reached by Tab.
    page.page.locator("body").focus()
    for _ in range(12):
        page.page.keyboard.press("Tab")
        if page.page.evaluate("() => document.activeElement.closest('.st-key-slide-nav button') !== null"):
            break
    ring = page.page.evaluate("() => getComputedStyle(document.activeElement).boxShadow")
    assert ring != "none", ring
    page.page.locator(".st-key-slide-chart").click()
    page.page.keyboard.press("Shift+Tab")
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("""() => document.activeElement.matches('[data-testid="stMain"]')
                                 && getComputedStyle(document.activeElement, '::before').content !== 'none'""")
    page.assert_healthy()
