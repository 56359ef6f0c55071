"""Opening a view with AppTest, and reading what it says: shared by the per-view tests."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_view(page_file: str) -> AppTest:
    """Run the app, then switch to one view; fail on any exception."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    app.switch_page(page_file).run()
    assert not app.exception
    return app


def shown_text(app: AppTest) -> str:
    """Everything the view says in markdown and captions, with the escapes of data text and bold marks removed."""
    text = " ".join(m.value for m in app.markdown) + " " + " ".join(c.value for c in app.caption)
    return text.replace("\\", "").replace("**", "")
