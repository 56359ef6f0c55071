"""A browser's side of Streamlit's websocket protocol, enough to follow and answer a live session (issue 25).

`Browser` opens `/_stcore/stream` with the cookies a phone would have (the load balancer's and `sme_live`, from
`GET /live/join/<CODE>`), asks for script runs as the browser does (`rerun_script`: the page by name on the first
run, then by its script hash, with every widget's state), and reads every message the server sends in a task of
its own, as the browser does: the elements it draws (by their place on the page), the widgets among them, and the
`auto_rerun` timers of `st.fragment(run_every=…)`, which it then answers on the same cadence as the browser's
`setInterval` (a `rerun_script` for the fragment, `is_auto_rerun`). A fragment that sees the slide move calls
`st.rerun()`: the server then runs the whole page by itself, and the new elements simply arrive.

Everything the test or benchmark needs is an awaitable condition (`until`), never a sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

OK = {ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
      ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
      ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN}
TEXT_FIELDS = ("heading", "markdown", "text", "alert", "caption", "code", "html", "metric", "toast", "exception")
WIDGETS = ("button", "radio", "button_group", "text_area", "text_input", "selectbox", "form_submit_button",
           "checkbox")


def plain(text: str) -> str:
    """Text as a person reads it: Markdown's escapes and emphasis marks dropped, spaces folded."""
    return " ".join(re.sub(r"[\\*_`]", "", text).split())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def join_cookies(base_url: str, code: str, cookies: str = "") -> tuple[str, str]:
    """`GET /live/join/<CODE>` as a phone opens the QR code's link: (the cookies it now has, as one Cookie header,
    and where the route sends it). The balancer's affinity cookie, when there is a balancer, comes with it."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(f"{base_url}/live/join/{code}", headers={"Cookie": cookies} if cookies else {})
    try:
        response = opener.open(request, timeout=60)
    except urllib.error.HTTPError as err:  # the 303 arrives as an "error" once redirects are not followed
        response = err
    jar = dict(part.split("=", 1) for part in cookies.split("; ") if "=" in part)
    for key, value in response.headers.items():
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
    location = response.headers.get("location", "")
    response.close()
    return "; ".join(f"{name}={value}" for name, value in jar.items()), location


def page_cookie(base_url: str) -> str:
    """The cookies a first page load gets (the balancer's affinity cookie; empty without a balancer)."""
    with urllib.request.urlopen(base_url + "/", timeout=60) as response:
        return "; ".join(value.split(";", 1)[0] for key, value in response.headers.items()
                         if key.lower() == "set-cookie")


@dataclass
class Element:
    kind: str
    text: str
    widget_id: str = ""
    options: tuple[str, ...] = ()
    at: float = 0.0  # when it arrived (time.perf_counter())


@dataclass
class Browser:
    """One tab: a websocket session with its cookies, the page it shows, and its fragments' timers."""

    base_url: str
    cookies: str = ""
    elements: dict[tuple, Element] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    query_string: str = ""
    runs: int = 0  # runs finished (whole page or fragment)
    page_runs: int = 0  # whole-page runs finished
    on_element: Callable[[Element], None] | None = None
    _changed: asyncio.Condition | None = None
    _timers: dict[str, asyncio.Task] = field(default_factory=dict)
    _states: dict[str, tuple[str, object]] = field(default_factory=dict)  # widget id -> (value field, value)
    _hash: str = ""
    recent: list[str] = field(default_factory=list)
    error_at: float = -1.0  # when the last error (an exception, an error box) arrived
    _page_started: float = 0.0
    _socket: object = None
    _reader: asyncio.Task | None = None

    async def open(self, page_name: str, query_string: str = "") -> None:
        """Connect and run the page, as a tab opening `/<page_name>?<query_string>` does; returns once it has run."""
        url = self.base_url.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
        headers = {"Cookie": self.cookies} if self.cookies else {}
        self._socket = await websockets.connect(url, subprotocols=["streamlit"], additional_headers=headers,
                                                max_size=None, open_timeout=120, ping_interval=None)
        self._changed = asyncio.Condition()
        self._reader = asyncio.create_task(self._read())
        self.query_string = query_string
        await self.rerun(page_name=page_name)

    async def close(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader

    # ------------------------------------------------------------------ asking for runs

    async def send(self, fragment_id: str = "", auto: bool = False, page_name: str = "",
                   trigger: str | None = None) -> None:
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = self._hash
        rerun.page_name = "" if self._hash else page_name
        rerun.fragment_id = fragment_id
        rerun.is_auto_rerun = auto
        rerun.context_info.url = f"{self.base_url}/{page_name}" + (f"?{self.query_string}" if self.query_string
                                                                   else "")
        for widget_id, (kind, value) in self._states.items():
            state = rerun.widget_states.widgets.add()
            state.id = widget_id
            if kind == "string_array_value":
                state.string_array_value.data.extend(value)
            else:
                setattr(state, kind, value)
        if trigger:
            state = rerun.widget_states.widgets.add()
            state.id, state.trigger_value = trigger, True
        await self._socket.send(message.SerializeToString())

    async def rerun(self, page_name: str = "", query_string: str | None = None, trigger: str | None = None,
                    done: Callable[[float], bool] | None = None, timeout: float = 120) -> float:
        """A run of the whole page (a link followed, a button clicked): the time it was asked for, once `done(that
        time)` holds (by default, once a run has finished). A person sees a run by what it draws, and Streamlit can
        drop a run's `script_finished` when a fragment's timer starts the next run at that moment (see
        `AppSession.request_rerun`): so clicks and moves wait for what they draw (`drawn_since`), not for it."""
        if query_string is not None:
            self.query_string = query_string
        before, asked = self.runs, time.perf_counter()
        await self.send(page_name=page_name, trigger=trigger)
        try:
            await self.until(lambda: done(asked) if done else self.runs > before, timeout)
        except TimeoutError:
            raise TimeoutError(f"a run asked for at {asked:.2f} never drew; last messages: {self.recent}") from None
        return asked

    def drawn_since(self, words: str, since: float) -> bool:
        """Whether an element saying `words` (as a person reads them) arrived at or after `since`."""
        return any(element.at >= since and words in plain(element.text) for element in self.elements.values())

    def set_widget(self, widget_id: str, kind: str, value) -> None:
        self._states[widget_id] = (kind, value)

    async def click(self, label: str, done: Callable[[float], bool] | None = None, timeout: float = 120) -> float:
        """Click the button labelled `label` (the first on the page): the time of the click, once `done` holds."""
        return await self.rerun(trigger=self.widget(label, ("button", "form_submit_button")).widget_id, done=done,
                                timeout=timeout)

    def widget(self, label: str, kinds: tuple[str, ...]) -> Element:
        """The control labelled `label` drawn last (a person taps what the page shows now)."""
        found = [element for element in self.elements.values() if element.kind in kinds and element.text == label]
        if not found:
            raise LookupError(f"no {'/'.join(kinds)} labelled {label!r} on the page: {self.page_text()[:300]}")
        return max(found, key=lambda element: element.at)

    # ------------------------------------------------------------------ what the page shows

    def page_text(self) -> str:
        return "\n".join(element.text for _, element in sorted(self.elements.items()) if element.text)

    def shows(self, pattern: str) -> bool:
        return re.search(pattern, self.page_text()) is not None

    async def until(self, condition: Callable[[], bool], timeout: float = 120) -> None:
        """Wait until the page satisfies `condition` (checked whenever a message arrives)."""
        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: condition() or self._reader.done())
        await asyncio.wait_for(wait(), timeout)
        if not condition():
            raise ConnectionError(f"the connection ended: {self.errors[-1:]}")

    # ------------------------------------------------------------------ reading the server's messages

    async def _read(self) -> None:
        try:
            async for raw in self._socket:
                message = ForwardMsg()
                message.ParseFromString(raw)
                self._take(message)
                async with self._changed:
                    self._changed.notify_all()
        except websockets.ConnectionClosed as err:
            self.errors.append(f"connection closed: {err}")
        finally:
            async with self._changed:
                self._changed.notify_all()

    def _take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind != "delta":  # the last messages, for an error's report
            self.recent = [*self.recent[-11:], f"{time.perf_counter():.2f} {kind}"
                           f"{' ' + str(message.script_finished) if kind == 'script_finished' else ''}"]
        if kind == "new_session":
            self._hash = message.new_session.page_script_hash
            if not message.metadata.run.fragment_ids:  # a whole page's run draws the page anew: as in the
                self._page_started = time.perf_counter()  # browser, the old elements stay until it has ended
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(tuple(message.metadata.delta_path), message.delta.new_element)
        elif kind == "navigation":  # with st.navigation, the page actually run (the browser reruns it by hash)
            self._hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            self._timer(message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                with contextlib.suppress(KeyError):
                    self._timers.pop(fragment_id).cancel()
        elif kind == "script_finished":
            status = message.script_finished
            if status not in OK:
                self.errors.append(f"a run ended with status {status}")
            if status != ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                self.runs += 1
                if status == ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY:
                    self.page_runs += 1  # what the run did not draw again is gone from the page
                    self.elements = {path: e for path, e in self.elements.items() if e.at >= self._page_started}

    def _element(self, path: tuple, proto) -> None:
        kind = proto.WhichOneof("type")
        body = getattr(proto, kind, None) if kind else None
        text, widget_id, options = "", "", ()
        if kind in WIDGETS:
            text, widget_id = body.label, body.id
            options = tuple(getattr(body, "options", ()) or ())
            if kind == "button_group":
                options = tuple(option.content for option in body.options)
        elif kind in TEXT_FIELDS:
            text = next((getattr(body, name) for name in ("body", "message", "label", "text")
                         if isinstance(getattr(body, name, None), str) and getattr(body, name)), "")
            if kind == "exception" or (kind == "alert" and body.format == 1):
                self.errors.append(f"{kind} on the page: {text[:200]}")
                self.error_at = time.perf_counter()
        element = Element(kind or "", text, widget_id, options, time.perf_counter())
        self.elements[path] = element
        if self.on_element:
            self.on_element(element)

    def _timer(self, fragment_id: str, interval: float) -> None:
        """The browser's setInterval for a fragment's `run_every` (kept when the same interval is sent again)."""
        old = self._timers.get(fragment_id)
        if old and not old.done() and getattr(old, "interval", None) == interval:
            return
        if old:
            old.cancel()

        async def tick() -> None:
            due = time.perf_counter()
            while True:  # on a fixed cadence, as setInterval is: a slow run does not push the next one back
                due += interval
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                with contextlib.suppress(websockets.ConnectionClosed):
                    await self.send(fragment_id=fragment_id, auto=True)

        task = asyncio.create_task(tick())
        task.interval = interval
        self._timers[fragment_id] = task
