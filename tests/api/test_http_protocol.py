"""A response in one write: writes made during one step of the event loop reach the client
together, when that step ends (api/http_protocol.py)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from api.http_protocol import JoinedWrites, OneSendHttpProtocol


@pytest.fixture
async def pair() -> AsyncIterator[tuple[asyncio.Transport, socket.socket]]:
    """A real transport on one end of a socket pair, and the plain socket at the other."""
    ours, theirs = socket.socketpair()
    theirs.setblocking(False)
    transport, _ = await asyncio.get_running_loop().connect_accepted_socket(asyncio.Protocol, ours)
    yield transport, theirs  # type: ignore[misc]
    transport.close()
    theirs.close()


@pytest.fixture
async def joined(pair: tuple[asyncio.Transport, socket.socket]) -> JoinedWrites:
    return JoinedWrites(pair[0], asyncio.get_running_loop())


def received(sock: socket.socket) -> bytes | None:
    """What has reached `sock` so far; None when nothing has."""
    try:
        return sock.recv(65536)
    except BlockingIOError:
        return None


async def test_a_plain_transport_sends_each_write_at_once(
    pair: tuple[asyncio.Transport, socket.socket],
) -> None:
    transport, theirs = pair
    transport.write(b"HTTP/1.1 200 OK\r\n\r\n")
    assert received(theirs) == b"HTTP/1.1 200 OK\r\n\r\n"  # why the writes are joined


async def test_writes_of_one_step_reach_the_client_together_when_it_ends(
    pair: tuple[asyncio.Transport, socket.socket], joined: JoinedWrites
) -> None:
    theirs = pair[1]
    joined.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
    joined.write(bytearray(b"{}"))
    assert received(theirs) is None
    await asyncio.sleep(0)
    assert received(theirs) == b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}"


async def test_writes_of_later_steps_go_out_in_their_own_turn(
    pair: tuple[asyncio.Transport, socket.socket], joined: JoinedWrites
) -> None:
    theirs = pair[1]
    joined.writelines([b"a", b"b"])
    await asyncio.sleep(0)
    assert received(theirs) == b"ab"
    joined.write(b"c")
    assert received(theirs) is None
    await asyncio.sleep(0)
    assert received(theirs) == b"c"


async def test_closing_sends_what_is_held_first(
    pair: tuple[asyncio.Transport, socket.socket], joined: JoinedWrites
) -> None:
    theirs = pair[1]
    joined.write(b"last words")
    joined.close()
    await asyncio.sleep(0.05)
    assert received(theirs) == b"last words"
    assert received(theirs) == b""  # then the end of the stream


async def test_what_is_held_for_a_connection_already_closed_is_dropped(
    pair: tuple[asyncio.Transport, socket.socket], joined: JoinedWrites
) -> None:
    transport, theirs = pair
    joined.write(b"too late")
    transport.close()  # as when the client goes away
    await asyncio.sleep(0.05)
    assert received(theirs) == b""


async def echo_path(scope: dict, receive: object, send: object) -> None:
    """A tiny ASGI app: answers the request's path, as uvicorn serves any app."""
    body = scope["path"].encode()
    await send(  # type: ignore[operator]
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})  # type: ignore[operator]


async def test_the_protocol_answers_requests_on_one_connection_in_turn() -> None:
    config = Config(app=echo_path, log_level="warning", access_log=False)
    config.load()
    protocol = OneSendHttpProtocol(config=config, server_state=ServerState(), app_state={})
    ours, theirs = socket.socketpair()
    transport, _ = await asyncio.get_running_loop().connect_accepted_socket(lambda: protocol, ours)
    reader, writer = await asyncio.open_connection(sock=theirs)
    try:
        assert isinstance(protocol.transport, JoinedWrites)
        for path in ("/first", "/second"):
            writer.write(f"GET {path} HTTP/1.1\r\nhost: t\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            assert head.startswith(b"HTTP/1.1 200 OK\r\n")
            assert await asyncio.wait_for(reader.readexactly(len(path)), 5) == path.encode()
        writer.write(b"GET /last HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 5)  # to the end: the server closed
        assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
        assert answer.endswith(b"\r\n\r\n/last")
    finally:
        writer.close()
        transport.close()
