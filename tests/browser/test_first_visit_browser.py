"""The first visit after a restart is a shared link: it opens the view as the app lays it out (its title, the
navigation by the views' names), not the pages/ folder's file alone."""

from tests.browser.conftest import Page, serve


def test_a_deep_link_as_the_first_visit_to_a_fresh_server(browser):
    with serve() as url:  # a server nobody has opened "/" on yet
        tab = Page(browser, url, 1366, 768)
        tab.open("/workshop?slot=1000-welcome")
        tab.page.get_by_role("heading", name="Workshop", exact=True).wait_for()
        nav = tab.page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_text("Look up").wait_for()
        names = nav.inner_text()
        assert "Evidence search" in names and "Case studies" in names
        assert "app" not in names.split("\n") and "case studies" not in names, names
        assert tab.page.title() == "SME innovation internationalisation: evidence"
        assert tab.page.locator('[data-testid="stException"]').count() == 0
        assert tab.deep_link_errors("workshop") == []  # Streamlit's base-path probes aside (README)
        tab.close()
