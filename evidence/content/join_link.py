"""The join link of a live session (issue 25) and its QR code: the address a participant's phone opens
(`/live/join/<CODE>`, which sets the participant's cookie and goes on to the phone view), drawn offline by segno
(pure Python, pinned in requirements.txt) as PNG bytes: nothing comes from another site. The page gets it as a
data: address inside the page's own HTML (the policy's img-src allows data:), so no media file is fetched that a
quick next slide could remove before the projector's browser loads it."""

from __future__ import annotations

import base64
import functools
import html
import io
from urllib.parse import urlsplit

import segno

JOIN_PATH = "/live/join/"


def origin(url: str | None) -> str:
    """scheme://host[:port] of an address (the one the presenter's browser uses), or "" for none."""
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def join_url(base: str, code: str) -> str:
    """The join link: `base` is the app's public address (scheme://host[:port]) or "" (a path from the root)."""
    return f"{base.rstrip('/')}{JOIN_PATH}{code}"


def short_link(url: str) -> str:
    """The link as a person types it: no scheme."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}" if parts.netloc else parts.path


@functools.lru_cache(maxsize=64)
def qr_png(url: str, scale: int = 8) -> bytes:
    """The link as a QR code (error correction M), PNG bytes with a quiet zone of two modules."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=scale, border=2, dark="#000000", light="#FFFFFF")
    return out.getvalue()


def qr_alt(url: str) -> str:
    """The QR code's text alternative: what it opens."""
    return f"QR code that opens the join link {short_link(url)}"


def qr_html(url: str, size: int) -> str:
    """The QR code as a linked image of `size` CSS pixels, its text alternative in alt; every value escaped."""
    data = base64.b64encode(qr_png(url)).decode("ascii")
    return (f'<a href="{html.escape(url)}" class="sme-qr"><img src="data:image/png;base64,{data}" width="{size}" '
            f'height="{size}" alt="{html.escape(qr_alt(url))}" style="display:block"></a>')
