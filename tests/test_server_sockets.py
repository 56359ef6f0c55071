"""Nagle's algorithm is off on the server's connections (evidence/server/server_sockets.py), and Streamlit still needs
the fix: its listening socket says protocol 0, which asyncio's own check does not take for TCP."""

import asyncio
import asyncio.base_events
import socket

import pytest
from streamlit.web.server.starlette import starlette_server

from evidence.server import server_sockets


@pytest.fixture
def stock_asyncio():
    """asyncio's own _set_nodelay, put back after the test whatever the test did to it."""
    original = asyncio.base_events._set_nodelay
    yield original
    asyncio.base_events._set_nodelay = original


def nodelay_of_accepted_connection() -> int:
    """Serve Streamlit's own kind of listening socket with asyncio, connect once: TCP_NODELAY of the server side."""
    listening = starlette_server._bind_socket("127.0.0.1", 0, 8)  # closed with the server

    async def serve() -> int:
        accepted = asyncio.get_running_loop().create_future()

        class Protocol(asyncio.Protocol):
            def connection_made(self, transport):
                accepted.set_result(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP,
                                                                                  socket.TCP_NODELAY))

        server = await asyncio.get_running_loop().create_server(Protocol, sock=listening)
        _, writer = await asyncio.open_connection(*listening.getsockname())
        try:
            return await asyncio.wait_for(accepted, 10)
        finally:
            writer.close()
            server.close()
            await server.wait_closed()

    return asyncio.run(serve())


def test_streamlits_listening_socket_is_not_taken_for_tcp_by_asyncio(stock_asyncio):
    # If this fails, Streamlit binds with IPPROTO_TCP now and evidence/server/server_sockets.py can go.
    with starlette_server._bind_socket("127.0.0.1", 0, 8) as listening:
        assert listening.proto == 0
    assert nodelay_of_accepted_connection() == 0  # asyncio as it is: Nagle stays on


def test_with_the_fix_every_accepted_connection_sends_at_once(stock_asyncio):
    server_sockets.send_at_once()
    assert nodelay_of_accepted_connection() != 0
    server_sockets.send_at_once()  # twice is harmless
    assert nodelay_of_accepted_connection() != 0
