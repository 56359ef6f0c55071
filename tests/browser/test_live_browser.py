"""Live mode in the browser (issue 25): a presenter on a projector and three phones (390x844). The presenter goes
live; the phones join through the QR code's link read from the page, follow three slide changes made with the
clicker's keys, answer, change an answer and keep it through a reload; the presenter's room panel counts them. A
phone that opens the presenter's link without the secret gets a message and no control; a closed question
refuses with a message. axe-core finds nothing on the join slide and the phone view; every control of the phone
view works from the keyboard and is at least 44 px on both sides.

The screenshots (the presenter's slide with the room's answers, a phone's view) are the README's gallery, taken only
when SME_SCREENSHOTS names a folder."""

import re

import pytest

from evidence.content.findings import FINDINGS
from evidence.live import database, session
from evidence.settings import LIVE_DB_ENV, STATE_DIR_ENV

from .conftest import CHART_DRAWN, Page, serve
from .test_accessibility_browser import axe_violations

PROJECTOR = (1366, 768)
PHONE = (390, 844)
QR_LINK = "a:has(img[alt^='QR code that opens the join link'])"
TARGET = 44  # px: the smallest touch target (WCAG 2.5.5's size)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app with a live store of its own (a SQLite file in a temporary folder); this process reads the same store
    to check what the browsers did. Its own server: the shared one's store is the repository's state folder."""
    state = tmp_path_factory.mktemp("live-state")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(STATE_DIR_ENV, str(state))
        patch.delenv(LIVE_DB_ENV, raising=False)
        database.close_all()
        with serve() as url:
            yield url
        database.close_all()


def room(page: Page):
    return page.page.locator(".st-key-room-panel")


def at_slide(page: Page, number: int) -> None:
    page.page.get_by_role("heading", name=FINDINGS[number - 1].headline).wait_for()
    page.page.wait_for_url(re.compile(rf"[?&]slide={number}\b"))


def saved(phone: Page, label: str) -> None:
    try:
        phone.page.locator(".st-key-phone-saved").get_by_text(f"Saved: {label}", exact=True).wait_for()
    except Exception as err:  # say what the phone shows instead
        raise AssertionError(f"not saved as {label}: {phone.page.locator('[data-testid=stMain]').inner_text()}") \
            from err


def go_live(browser, url: str, width: int, height: int) -> tuple[Page, str, str]:
    presenter = Page(browser, url, width, height)
    presenter.open("/?present=1&slide=1")
    presenter.page.locator(CHART_DRAWN).first.wait_for()
    presenter.page.get_by_role("button", name="Go live").click()
    presenter.page.get_by_role("heading", name="Answer from your phone").wait_for()
    presenter.page.wait_for_url(re.compile(r"[?&]live=[A-Z0-9]{6}\b"))
    query = dict(re.findall(r"[?&]([a-z]+)=([^&]+)", presenter.page.url))
    return presenter, query["live"], query["host"]


def touch_targets(phone: Page) -> list[str]:
    """Each control of the phone view smaller than TARGET on a side: its name and size."""
    small = []
    for control in phone.page.locator(".st-key-phone-view button, .st-key-phone-view textarea").all():
        box = control.bounding_box()
        if box["width"] < TARGET or box["height"] < TARGET:
            small.append(f"{control.inner_text() or control.get_attribute('aria-label')}: {box}")
    return small


def tab_to(phone: Page, name: str) -> None:
    """Press Tab until the focus is on the control whose text or label is `name`."""
    for _ in range(30):
        phone.page.keyboard.press("Tab")
        focused = phone.page.evaluate("() => { const el = document.activeElement; return (el.innerText || '').trim()"
                                      " || el.getAttribute('aria-label') || ''; }")
        if focused == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def tab_to_element(phone: Page, selector: str) -> None:
    """Press Tab until the focus is on the element `selector` finds."""
    for _ in range(30):
        phone.page.keyboard.press("Tab")
        if phone.page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_presenter_and_three_phones(browser, live_server):
    presenter, code, secret = go_live(browser, live_server, *PROJECTOR)
    assert session.is_host(code, secret) and session.now(code).slide == 0
    assert axe_violations(presenter) == []  # the join slide
    link = presenter.page.locator(QR_LINK).first.get_attribute("href")
    assert link.endswith(f"/live/join/{code}")
    assert presenter.page.locator(".st-key-join-link a").get_attribute("href") == link
    assert presenter.page.locator(".st-key-join-code").inner_text().strip() == code
    presenter.page.mouse.move(1, 1)  # no button's tooltip in the picture
    presenter.quiet()
    presenter.picture("live-join-slide.png", whole=False)

    phones = [Page(browser, live_server, *PHONE) for _ in range(3)]
    for phone in phones:
        phone.page.goto(link)  # the route sets the phone's cookie, then opens the phone view
        phone.page.wait_for_url(re.compile(rf"/join\?code={code}$"))
        phone.page.get_by_text("Waiting for the presenter's question").wait_for()
        assert "sme_live" not in phone.page.url

    # The first of three slide changes, made with the clicker's keys; every phone follows.
    presenter.page.keyboard.press("ArrowRight")
    at_slide(presenter, 1)
    for phone in phones:
        phone.page.get_by_role("heading", name=FINDINGS[0].headline).wait_for()
    for phone, label in zip(phones, ("Confirm", "Qualify", "Disagree"), strict=True):
        phone.page.get_by_role("button", name=label, exact=True).click()
        saved(phone, label)
    room(presenter).get_by_text(re.compile(r"This room, \d{1,2} \w+ \d{4}, n = 3")).wait_for()
    phones[0].page.get_by_role("button", name="Qualify", exact=True).click()  # a change of mind
    saved(phones[0], "Qualify")
    room(presenter).get_by_text("Qualify · 2 (67%)").wait_for()
    room(presenter).get_by_text("Confirm · 0 (0%)").wait_for()
    phones[0].page.reload()
    saved(phones[0], "Qualify")  # kept through a reload: the token is in the cookie

    # The phone view from the keyboard alone, its touch targets, and axe-core on it.
    phone = phones[1]
    phone.settle()
    assert touch_targets(phone) == []
    assert axe_violations(phone) == []
    tab_to(phone, "Comment (optional)")
    phone.page.keyboard.type("Only for <b>some</b> sectors")
    phone.page.keyboard.press("Tab")  # leaving the field sends its text: one run of the page
    phone.settle()
    if phone.page.evaluate("() => document.activeElement.innerText.trim()") != "Confirm":
        tab_to(phone, "Confirm")
    phone.page.keyboard.press("Enter")
    saved(phone, "Confirm")
    assert session.my_answer(code, _token(phone), "finding:collaboration") == ("confirm",
                                                                                "Only for <b>some</b> sectors")
    room(presenter).get_by_text("Only for <b>some</b> sectors", exact=False).wait_for()  # escaped: shown as typed
    presenter.page.mouse.move(1, 1)  # no button's tooltip in the picture
    presenter.quiet()
    presenter.picture("live-presenter.png", whole=False)
    phone.picture("live-phone.png", whole=False)

    # Two more slide changes; the phones follow each.
    presenter.page.keyboard.press("ArrowRight")
    at_slide(presenter, 2)
    for phone in phones:
        phone.page.get_by_role("heading", name=FINDINGS[1].headline).wait_for()
    presenter.page.keyboard.press("End")
    at_slide(presenter, len(FINDINGS))
    for phone in phones:
        phone.page.get_by_role("heading", name=FINDINGS[-1].headline).wait_for()
    assert session.now(code).slide == len(FINDINGS)

    # A closed question refuses, and says so.
    room(presenter).get_by_role("button", name="Close question").click()
    room(presenter).get_by_role("button", name="Reopen question").wait_for()
    phones[2].page.get_by_text("This question is closed").wait_for()
    assert phones[2].page.get_by_role("button", name="Confirm", exact=True).is_disabled()

    # A phone that opens the presenter's link without the secret: a message, no control, nothing moved.
    intruder = phones[2]
    intruder.page.goto(f"{live_server}/?present=1&slide=3&live={code}")
    intruder.page.get_by_role("heading", name="This is the presenter's link").wait_for()
    intruder.settle()
    assert intruder.page.get_by_text("Only the presenter's link can do this").count() == 1
    assert intruder.page.get_by_role("button", name="Next").count() == 0
    assert intruder.page.get_by_role("button", name="Close question").count() == 0
    assert session.now(code).slide == len(FINDINGS)
    presenter.assert_healthy()
    for phone in phones:  # a deep link (/join) makes Streamlit probe its base path: those 404s are not the app's
        assert phone.page.locator('[data-testid="stException"]').count() == 0
        assert phone.deep_link_errors("join") == []
    for page in [presenter, *phones]:
        page.close()


def _token(phone: Page) -> str:
    return next(c["value"] for c in phone.context.cookies() if c["name"] == "sme_live")


def test_the_presenters_slide_with_the_room_at_full_hd(browser, live_server):
    """The room panel beside the chart on a 1920x1080 projector, for the README's gallery."""
    presenter, code, secret = go_live(browser, live_server, 1920, 1080)
    presenter.page.keyboard.press("End")
    at_slide(presenter, len(FINDINGS))
    for n, choice in enumerate(("confirm", "confirm", "qualify", "disagree", "confirm")):
        session.answer(code, f"participant-token-{n:06d}", "finding:confirmed", choice,
                       "Agreed, though networks matter more" if n == 2 else None, ("confirm", "qualify", "disagree"))
    room(presenter).get_by_text(re.compile(r"n = 5$")).wait_for()
    presenter.page.locator(CHART_DRAWN).first.wait_for()
    box = presenter.page.locator(".st-key-room-side").bounding_box()
    chart = presenter.page.locator(".st-key-slide-chart-only").bounding_box()
    assert box["x"] >= chart["x"] + chart["width"] - 1  # beside the report's chart, never inside it
    presenter.page.mouse.move(1, 1)
    presenter.quiet()
    presenter.picture("live-presenter-1920.png", whole=False)
    presenter.assert_healthy()
    presenter.close()



def test_a_phone_joins_by_typing_the_code_from_the_keyboard(browser, live_server):
    """`/join` alone: the code field, typed in lower case with a dash, the join button, then the phone view; every
    control at least 44 px; axe-core finds nothing on the field's page."""
    started = session.start()
    phone = Page(browser, live_server, *PHONE)
    phone.open("/join")
    phone.page.get_by_role("heading", name="Join a live session").wait_for()
    controls = phone.page.locator(".st-key-phone-join input, .st-key-phone-join button")
    sizes = [(c.get_attribute("aria-label") or c.inner_text(), c.bounding_box()) for c in controls.all()]
    assert [(name, box) for name, box in sizes if box["height"] < TARGET or box["width"] < TARGET] == []
    assert axe_violations(phone) == []
    tab_to(phone, "Join code")
    typed = started.code[:3].lower() + "-" + started.code[3:]
    phone.page.keyboard.type(typed)
    phone.page.keyboard.press("Enter")  # submits the form
    phone.page.get_by_role("heading", name=f"Join live session {started.code}").wait_for()
    join = phone.page.locator(".st-key-phone-join a")
    assert join.bounding_box()["height"] >= TARGET
    tab_to_element(phone, ".st-key-phone-join a")
    phone.page.keyboard.press("Enter")  # the join link: the route sets the cookie, then the phone view
    phone.page.wait_for_url(re.compile(rf"/join\?code={started.code}$"))
    phone.page.get_by_text("Waiting for the presenter's question").wait_for()
    assert any(cookie["name"] == "sme_live" and cookie["httpOnly"] for cookie in phone.context.cookies())
    assert phone.deep_link_errors("join") == []
    phone.close()


def test_the_presenters_secret_never_leaves_in_a_shared_link_or_a_citation(browser, live_server):
    """The presenter shares the Expert survey from the live link: the share box and *Cite this* carry the session's
    code (a colleague may follow it) but not the secret that moves the session."""
    started = session.start()
    page = Page(browser, live_server, *PROJECTOR)
    page.open(f"/expert_survey?item=6.f&live={started.code}&host={started.secret}")
    page.page.get_by_role("button", name=re.compile("Ask the room")).first.wait_for()  # the presenter's view
    page.page.get_by_role("button", name=re.compile("Share this view")).click()
    box = page.page.locator("input.sme-share-link")
    page.page.wait_for_function("() => (document.querySelector('input.sme-share-link') || {}).value")
    link = box.input_value()
    assert f"live={started.code}" in link and "/expert_survey" in link and "item=6.f" in link
    assert started.secret not in link and "host=" not in link
    page.page.keyboard.press("Escape")
    page.page.locator("summary", has_text="Cite this").click()
    cite = page.page.locator("textarea.sme-cite-view")
    cite.wait_for()
    page.page.wait_for_function("() => document.querySelector('textarea.sme-cite-view').value.includes('live=')")
    assert started.secret not in cite.input_value() and "host=" not in cite.input_value()
    assert started.secret in page.page.url  # the presenter's own address bar keeps it
    page.close()


def test_the_presenters_results_then_the_link_opened_elsewhere_shows_the_room_but_no_download(browser, live_server):
    """After the session: the presenter's *Results* shows the room's distribution beside the report's words and offers
    the answers; the same view opened in a fresh browser without the secret shows the room, offers no download, and
    the CSV's address refuses it."""
    presenter, code, secret = go_live(browser, live_server, *PROJECTOR)
    presenter.page.keyboard.press("ArrowRight")
    at_slide(presenter, 1)
    for n, choice in enumerate(("confirm", "qualify", "qualify")):
        session.answer(code, f"participant-token-{n:06d}", "finding:collaboration", choice, None,
                       ("confirm", "qualify", "disagree"))
    results = presenter.page.get_by_role("link", name="Results").get_attribute("href")
    assert f"live={code}" in results and f"host={secret}" in results
    presenter.page.goto(live_server + results)
    presenter.page.get_by_role("heading", name=f"The room's answers: live session {code}").wait_for()
    box = presenter.page.locator(".st-key-room-box-finding-collaboration")
    box.get_by_text(re.compile(r"This room, \d{1,2} \w+ \d{4}, n = 3")).wait_for()
    box.get_by_text("Qualify · 2 (67%)").wait_for()
    presenter.page.get_by_text("Study vs experts:").wait_for()  # the report's side, beside the room's
    csv_link = presenter.page.get_by_role("link", name="Answers (CSV)").get_attribute("href")
    answered = presenter.page.request.get(live_server + csv_link)
    assert answered.status == 200 and answered.text().count("finding:collaboration") == 3
    presenter.close()

    stranger = Page(browser, live_server, *PHONE)
    stranger.open(f"/room?live={code}")
    stranger.page.locator(".st-key-room-box-finding-collaboration").get_by_text("Qualify · 2 (67%)").wait_for()
    assert stranger.page.get_by_role("link", name="Answers (CSV)").count() == 0
    assert secret not in stranger.page.content()
    assert stranger.page.request.get(f"{live_server}/live/{code}/answers.csv").status == 403
    stranger.close()
