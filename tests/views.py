"""Opening a view with AppTest, and reading what it says: shared by the per-view tests."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_link(page_file: str, **params: str) -> AppTest:
    """Run the app on one view, as a link to it opens it (nothing else is drawn first); fail on any exception.

    Before its first run AppTest names a page by its file name, which is each view's URL path; the Overview
    (served at `/`) is the default page, which an unknown name opens too."""
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        app.query_params[name] = value
    app.switch_page(page_file).run()
    assert not app.exception
    return app


def open_view(page_file: str) -> AppTest:
    """Run the app (the Overview), then switch to one view; fail on any exception. Twice the work of `open_link`;
    kept for tests/test_caching.py, whose first-run check on the Data view counts the Overview's queries."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    app.switch_page(page_file).run()
    assert not app.exception
    return app


def shown_text(app: AppTest) -> str:
    """Everything the view says in markdown and captions, with the escapes of data text and bold marks removed."""
    text = " ".join(m.value for m in app.markdown) + " " + " ".join(c.value for c in app.caption)
    return text.replace("\\", "").replace("**", "")
