"""Whole journeys, as users walk them in Chromium: set a view's state through the interface, share it, open the
link in a fresh browser; come back with Back; query, share and reopen a query."""

import re

from evidence.content.findings import FINDINGS

from .conftest import CHART_DRAWN
from .test_browser import click_mark

BAR = '[data-testid="stVegaLiteChart"] [aria-roledescription="bar"]'
SCROLL_TOP = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"


def shared_link(page) -> str:
    """Open *Share this view* and read the link it offers, as a user copying it would."""
    page.page.get_by_role("button", name=re.compile("Share this view")).click()
    box = page.page.locator("input.sme-share-link")
    box.wait_for()
    page.page.wait_for_function("() => document.querySelector('input.sme-share-link').value === location.href")
    link = box.input_value()
    page.page.keyboard.press("Escape")
    return link


def reopen(tab, link: str, width=1400, height=1000):
    """The link in a fresh browser context (no cookies, no session): what a colleague sees."""
    fresh = tab(width, height)
    fresh.page.goto(link)
    fresh.settle()
    return fresh


def pick(page, label: str, *values: str) -> None:
    """Choose values in a select or multiselect by typing, as a keyboard user does."""
    box = page.page.get_by_role("combobox", name=label, exact=True)
    box.wait_for()
    for value in values:
        box.scroll_into_view_if_needed()
        box.click()
        box.fill(value)
        page.page.get_by_role("option", name=value, exact=True).first.click()
        page.settle()
        if page.page.get_by_role("listbox").count():  # a multiselect keeps its list open: close it
            page.page.keyboard.press("Escape")
            page.settle()


def chips(page, label: str) -> list[str]:
    widget = page.page.locator('[data-testid="stMultiSelect"]', has=page.page.get_by_text(label, exact=True))
    widget.locator("[data-tag]").first.wait_for(timeout=15000)  # the widget is drawn after the page settles
    return sorted(t.strip() for t in widget.locator("[data-tag] > span[title]").all_inner_texts())


def caption_ending(page, suffix: str) -> str:
    page.settle()
    texts = page.page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    return next((t for t in texts if t.endswith(suffix)), "")


def test_overview_chart_click_shared_and_reopened(tab, server):
    page = tab().open("/")
    page.page.locator(CHART_DRAWN).first.wait_for()
    click_mark(page, f'{BAR}[aria-label*=": diverged ("]')
    page.page.get_by_text("2 of 11 findings · diverged").wait_for()
    assert "outcome=diverged" in page.page.url  # the click filters, and goes into the URL
    page.page.get_by_text("How much cultural barriers matter").first.wait_for()
    page.assert_healthy()
    link = shared_link(page)
    assert link == page.page.url and link.startswith(server + "/?") and "outcome=diverged" in link
    fresh = reopen(tab, link)
    fresh.page.get_by_text("2 of 11 findings · diverged").wait_for()
    fresh.assert_healthy()


def test_case_studies_two_groups_and_a_case_shared_and_reopened(tab, server):
    page = tab().open_view("Case studies", "Case studies")
    click_mark(page, f'{BAR}[aria-label^="Aisense, "]')  # urged globals
    page.page.get_by_text("3 of 12 cases match.").wait_for()
    click_mark(page, f'{BAR}[aria-label^="LifeTec, "]')  # accidental globals: two groups now
    pick(page, "Case card", "Kapro")
    page.page.get_by_role("heading", name="Kapro").wait_for()
    matching = caption_ending(page, "cases match.")
    link = shared_link(page)
    assert link == page.page.url
    assert link.startswith(server + "/case_studies?") and "case_studies/case_studies" not in link
    assert link.count("typology=") == 2 and "Accidental+globals" in link and "Urged+globals" in link
    fresh = reopen(tab, link)
    fresh.page.get_by_role("heading", name="Kapro").wait_for()
    assert caption_ending(fresh, "cases match.") == matching == "5 of 12 cases match."
    assert chips(fresh, "Typology group") == ["Accidental globals", "Urged globals"]
    assert fresh.deep_link_errors("case_studies") == []


def test_expert_survey_themes_and_item_shared_and_reopened(tab, server):
    page = tab().open_view("Expert survey", "Expert survey")
    pick(page, "Themes", "Networking mechanisms", "Support measures")
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label*="(5.c): "]')
    page.page.get_by_role("heading", name="Figure 5, item c").wait_for()
    link = shared_link(page)
    assert link == page.page.url and link.startswith(server + "/expert_survey?") and link.count("theme=") == 2
    fresh = reopen(tab, link)
    fresh.page.get_by_role("heading", name="Figure 5, item c").wait_for()
    assert chips(fresh, "Themes") == ["Networking mechanisms", "Support measures"]
    assert fresh.deep_link_errors("expert_survey") == []


def test_policy_cell_and_levels_shared_and_reopened(tab, server):
    page = tab().open_view("Policy", "Policy")
    click_mark(page, '[data-testid="stVegaLiteChart"] [aria-label^="Employment, R&D and innovation: "]')
    page.page.get_by_role("heading", name="Employment × R&D and innovation").wait_for()
    pick(page, "Level", "EU", "national")
    shown = caption_ending(page, "the report names. The WHAT column and the status are partly the project's coding.")
    link = shared_link(page)
    assert link == page.page.url and link.startswith(server + "/policy?") and link.count("level=") == 2
    fresh = reopen(tab, link)
    fresh.page.get_by_role("heading", name="Employment × R&D and innovation").wait_for()
    assert chips(fresh, "Level") == ["EU", "national"]
    assert caption_ending(fresh, "partly the project's coding.") == shown != ""
    # The selector names the cell in words; the id stays in the URL.
    assert fresh.page.get_by_role("combobox", name="Cell").input_value() in ("", "Employment × R&D and innovation")
    assert "employment-rnd" not in fresh.page.locator('[data-testid="stMain"]').inner_text()
    assert fresh.deep_link_errors("policy") == []


def test_workshop_slot_and_two_countries_shared_and_reopened(tab, server):
    page = tab().open_view("Workshop", "Workshop")
    click_mark(page, f'{BAR}[aria-label*="WEPROG"]')
    page.page.get_by_text(re.compile(r"What was said, in the project's paraphrase \(\d+ statements")).wait_for()
    pick(page, "Country (as printed)", "Italy", "Austria")
    listed = caption_ending(page, 'speaks of "about 25 experts".')
    link = shared_link(page)
    assert link == page.page.url and link.startswith(server + "/workshop?") and link.count("from=") == 2
    fresh = reopen(tab, link)
    fresh.page.get_by_text(re.compile(r"What was said, in the project's paraphrase \(\d+ statements")).wait_for()
    assert caption_ending(fresh, 'speaks of "about 25 experts".') == listed != ""
    assert "1115c-weprog" not in fresh.page.locator('[data-testid="stMain"]').inner_text()
    assert fresh.deep_link_errors("workshop") == []


def test_search_words_and_kinds_shared_and_reopened(tab, server):
    page = tab().open("/")
    page.page.locator('[data-testid="stSidebarNav"] a', has_text="Evidence search").click()
    page.settle()
    box = page.page.get_by_role("textbox", name="Search the evidence")
    box.fill("trade fairs")
    box.press("Enter")
    page.settle()
    pick(page, "Kind", "statement", "survey comment")
    count = caption_ending(page, "results") or caption_ending(page, "result")
    link = shared_link(page)
    assert link == page.page.url and link.startswith(server + "/search?") and link.count("kinds=") == 2
    fresh = reopen(tab, link)
    assert (caption_ending(fresh, "results") or caption_ending(fresh, "result")) == count != ""
    assert fresh.deep_link_errors("search") == []


def test_console_query_runs_on_ctrl_enter_survives_and_reopens(tab):
    page = tab().open("/")
    page.page.locator('[data-testid="stSidebarNav"] a', has_text="Data").click()
    page.settle()
    box = page.page.get_by_role("textbox", name="SQL", exact=True)
    box.fill("SELECT name FROM cases WHERE name LIKE 'A%' ORDER BY name")
    box.press("Control+Enter")
    page.page.get_by_text(re.compile(r"^2 rows in \d+ ms$")).wait_for()
    assert "sql=SELECT" in page.page.url
    pick(page, "Table", "swot_items")  # another interaction: the result stays
    page.page.get_by_role("heading", name="swot_items").wait_for()
    page.page.get_by_text(re.compile(r"^2 rows in \d+ ms$")).wait_for()
    link = shared_link(page)
    assert link == page.page.url and "table=swot_items" in link
    fresh = reopen(tab, link)
    fresh.page.get_by_text(re.compile(r"^2 rows in \d+ ms$")).wait_for()
    # The box shows the query (it is drawn a moment after the result).
    fresh.page.wait_for_function("() => Array.from(document.querySelectorAll('textarea[aria-label=SQL]'))"
                                 ".some(box => box.value.startsWith('SELECT name FROM cases'))")
    assert fresh.deep_link_errors("data") == []


def test_named_query_form_values_live_in_the_url(tab):
    page = tab().open("/data?query=survey_item&item_id=6.f")
    page.page.get_by_text(re.compile(r"^1 row$")).wait_for()
    box = page.page.get_by_role("textbox", name="item_id")
    box.fill("no-such-item")
    page.page.get_by_role("button", name="Run query").click()
    page.page.get_by_text("'no-such-item' is not a survey_items.item_id value").wait_for()
    assert "item_id=no-such-item" in page.page.url
    assert page.deep_link_errors("data") == []


def test_back_after_evidence_returns_to_the_conclusion(tab):
    page = tab(1366, 768).open("/")
    button = page.page.get_by_role("link", name="Evidence: slide 3").first
    button.scroll_into_view_if_needed()
    page.steady(button)  # the scroll has ended
    place = page.page.evaluate(SCROLL_TOP)
    assert place > 200
    button.click()
    page.page.get_by_role("heading", name=FINDINGS[2].headline).wait_for()
    page.page.go_back()
    page.page.get_by_role("heading", name="What the study and the experts concluded").wait_for()
    page.page.wait_for_function(f"() => Math.abs(({SCROLL_TOP})() - {place}) < 5", timeout=8000)
    assert "present" not in page.page.url
    # Forward to the slide, then leave presenter mode from it: back at the same conclusion, in view.
    page.page.go_forward()
    page.page.get_by_role("heading", name=FINDINGS[2].headline).wait_for()
    page.page.get_by_role("button", name="Back to the conclusion").click()
    page.settle()
    assert re.search(r"[?&]at=st-\d+", page.page.url)
    block = page.page.locator(".sme-link-list li.came-back", has=page.page.get_by_role(
        "link", name="Evidence: slide 3"))
    page.page.wait_for_function(
        "(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        arg=block.element_handle(), timeout=8000)
    page.assert_healthy()


def test_no_label_is_cut_on_the_overview_at_laptop_and_projector_sizes(tab):
    for width, height in ((1366, 768), (1920, 1080)):
        page = tab(width, height).open("/")
        page.page.locator('[data-testid="stMetricLabel"]').first.wait_for()
        cut = page.page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stMetricLabel"] *'))
            .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)""")
        assert cut == [], (width, cut)


def test_the_app_styles_and_scripts_stay_after_the_runs_that_send_them(tab):
    # The browser script, the app's styles and the take-away script go with a session's first runs only: after a
    # walk through every view (more runs than send them), the styles still hold, the share box still fills in
    # and copies, and each view still gets its *Cite this*.
    page = tab(1366, 768).open("/")
    for link, heading in (("Case studies", "Case studies"), ("Expert survey", "Expert survey"), ("Policy", "Policy"),
                          ("Workshop", "Workshop"), ("Data", "Data")):
        page.page.locator('[data-testid="stSidebarNav"] a', has_text=link).click()
        page.settle()
        page.page.get_by_role("heading", name=heading, exact=True).wait_for()
        page.page.locator(".st-key-takeaway-" + link.lower().replace(" ", "_") + " .sme-cite-details").wait_for()
    assert page.page.evaluate("() => !!document.getElementById('sme-app-styles')")
    caption = page.page.locator('[data-testid="stCaptionContainer"] p').first
    assert caption.evaluate("(el) => getComputedStyle(el).color") == "rgb(94, 94, 102)"  # palette.MUTED, not 4.09:1
    assert page.page.locator(".sme-script script").count() == 0  # nothing sent for them any more
    page.page.get_by_role("button", name=re.compile("Share this view")).click()
    page.page.wait_for_function("() => document.querySelector('input.sme-share-link').value === location.href")
    assert page.page.locator("input.sme-share-link").input_value().endswith("/data")
    page.assert_healthy()
