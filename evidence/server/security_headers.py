"""The headers every response of the server carries (the views, Streamlit's files, the API): set once, here, as an
ASGI middleware that app.py gives `st.App(middleware=...)`.

- Content-Security-Policy: nothing from another origin (no script, style, font, image, frame or connection); scripts
  only from the server's own files (and the blob modules Streamlit makes of custom components' code), and the few
  inline scripts the page runs, each allowed by its SHA-256 (the one in
  Streamlit's index.html, the app's browser and take-away scripts, the share box's refresh): all fixed text, so a
  script injected by data could not run even if it reached the page. Inline styles are allowed (Streamlit sets
  them on its elements).
- frame-ancestors: the app may be framed by itself only, or by the origins in $SME_FRAME_ANCESTORS (space- or
  comma-separated, e.g. "https://intranet.example.org").
- X-Content-Type-Options: nosniff; Referrer-Policy: same-origin (a shared link's query string never leaves the site).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import threading
from pathlib import Path

import anyio
import streamlit
from starlette.responses import Response

FRAME_ANCESTORS_ENV = "SME_FRAME_ANCESTORS"
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d{1,5})?$")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
STREAMLIT_INDEX = Path(streamlit.__file__).parent / "static" / "index.html"


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts() -> list[str]:
    """The text of every inline script the page runs: Streamlit's own, and the app's (fixed text, never data)."""
    from evidence.takeaway import offer as takeaway
    from evidence.ui import browser

    pages = [STREAMLIT_INDEX.read_text(encoding="utf-8"), browser._browser_html(), browser.SHARE_REFRESH,
             takeaway._install_html()]
    return [script for page in pages for script in _INLINE_SCRIPT.findall(page)]


def frame_ancestors() -> str:
    """'self', and the origins $SME_FRAME_ANCESTORS allows (anything that is not scheme://host[:port] is left out)."""
    given = re.split(r"[\s,]+", os.environ.get(FRAME_ANCESTORS_ENV, "").strip())
    return " ".join(["'self'", *[origin for origin in given if _ORIGIN.match(origin)]])


def policy() -> str:
    scripts = " ".join(sorted({_hash(script) for script in inline_scripts()}))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' blob: {scripts}",  # blob: Streamlit loads custom components' code as blob modules
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob: data:",
        "media-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors()}",
    ])


class SecurityHeaders:
    """ASGI middleware: the headers above on every HTTP response (not on the websocket, which carries none)."""

    def __init__(self, app):
        self.app = app
        self._headers: list[tuple[bytes, bytes]] = []
        self._ready = threading.Event()
        # Built beside the server's start (the take-away script's data takes about a second to import and write),
        # so the event loop never waits for it; a request that comes first waits in a worker thread.
        threading.Thread(target=self._build, name="security-headers", daemon=True).start()

    def _build(self) -> None:
        try:
            self._headers = [(b"content-security-policy", policy().encode("ascii")),
                             (b"x-content-type-options", b"nosniff"),
                             (b"referrer-policy", b"same-origin")]
        finally:
            self._ready.set()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._ready.is_set():
            await anyio.to_thread.run_sync(self._ready.wait)
        if not self._headers:  # the policy could not be built: refuse rather than serve without it
            await Response("The server could not set up its security headers; see its log.", 503)(scope, receive, send)
            return
        extra = self._headers

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *[(name, value) for name, value in extra if name not in names]]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
