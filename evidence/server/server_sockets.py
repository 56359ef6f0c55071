"""The server's connections send what is written at once, with Nagle's algorithm off.

asyncio turns Nagle's algorithm off on every TCP connection it serves (`asyncio.base_events._set_nodelay`, called
by each socket transport), but only when the socket says it is TCP: `sock.proto == IPPROTO_TCP`. Streamlit 1.67
binds its listening socket itself (`_bind_socket` in streamlit/web/server/starlette/starlette_server.py) as
`socket.socket(family)`, whose protocol number is 0, and so are the connections it accepts: asyncio leaves Nagle
on for every one of them. A rerun's messages are small writes, and with Nagle on each write after the first
waits for the browser's delayed acknowledgement: about 40 ms on every rerun, click and page load (an empty
page's rerun round trip on this machine: 62 ms with it, 25 ms without).

`send_at_once()` makes asyncio treat a stream socket of the internet families as TCP, as the kernel does for
protocol 0. It runs when the server imports app.py, before the server accepts its first connection.
`tests/test_server_sockets.py` checks that Streamlit still needs it and that it works.
"""

from __future__ import annotations

import asyncio.base_events
import logging
import socket

_LOGGER = logging.getLogger(__name__)


def _set_nodelay(sock: socket.socket) -> None:
    if (sock.family in {socket.AF_INET, socket.AF_INET6} and sock.type == socket.SOCK_STREAM
            and sock.proto in {0, socket.IPPROTO_TCP}):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def send_at_once() -> None:
    """Nagle's algorithm off on every TCP connection asyncio serves from now on, Streamlit's included."""
    if not hasattr(asyncio.base_events, "_set_nodelay"):  # Python moved it: say so, and serve as before
        _LOGGER.warning("asyncio.base_events._set_nodelay is gone: TCP_NODELAY is not set "
                        "(evidence/server/server_sockets.py)")
        return
    asyncio.base_events._set_nodelay = _set_nodelay
