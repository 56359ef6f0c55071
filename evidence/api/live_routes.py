"""Live mode over HTTP (issue 25), served beside the app by the same server (`st.App(routes=...)`):

    GET /live/join/<CODE>                 sets the participant's cookie `sme_live` (HttpOnly, SameSite=Lax, Path=/,
                                          a year) when the phone has none, then 303 to /join?code=CODE
    GET /live/<CODE>/answers.csv          the room's anonymous answers (?host=SECRET: the presenter's only)
    GET /live/<CODE>/datapackage.json     their Frictionless description (?host=SECRET)

The token is never in a URL; the store keeps only its digest. An unknown or malformed code answers a small page
that says so, and guessing codes is limited per client address (evidence/live/limits.py, in memory, never stored).
A wrong or missing secret answers 403 with a JSON message; an unknown code 404, counted as at the join link (429
when over the limit); every store call runs in a worker thread.
"""

from __future__ import annotations

import html
import json

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from evidence.live import codes, limits, session

COOKIE = "sme_live"
YEAR = 365 * 24 * 3600
# A cookie the phone view takes as its token (evidence/live/checks.participant wants 16 to 200 characters; a token
# of ours has 24): anything else is replaced, or the phone would be sent back here for ever.
TOKEN_LENGTHS = (16, 64)
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"
content="width=device-width, initial-scale=1"><title>{title}</title><style>body{{font-family:sans-serif;
max-width:32rem;margin:2rem auto;padding:0 1rem;color:#262730;font-size:1.15rem;line-height:1.5}}
a{{display:inline-block;min-height:44px;padding:0.6rem 1rem;border:2px solid #5B2A86;border-radius:0.5rem;
color:#5B2A86;text-decoration:none;font-weight:600}}</style></head><body><main><h1>{title}</h1><p>{message}</p>
<p><a href="/join">Type a join code</a></p></main></body></html>"""


def _page(status: int, title: str, message: str) -> HTMLResponse:
    return HTMLResponse(PAGE.format(title=html.escape(title), message=html.escape(message)), status_code=status,
                        headers={"Cache-Control": "no-store"})


def _json(status: int, error: str, message: str) -> Response:
    return Response(json.dumps({"error": error, "message": message}), status_code=status,
                    media_type="application/json", headers={"Cache-Control": "no-store"})


def _client(request: Request) -> str:
    return limits.client_address(request.client.host if request.client else None,
                                 request.headers.get("x-forwarded-for"))


async def join(request: Request) -> Response:
    """The QR code's and the short link's address: the participant's cookie, then the phone view."""
    given = request.path_params.get("code", "")
    code = codes.normal_code(given)
    try:  # an unknown code counts against the client's address (in memory, a minute: evidence/live/limits.py)
        known = await run_in_threadpool(session.now, code or given, _client(request)) is not None
    except session.LiveError:
        return _page(429, "Too many codes tried", limits.TOO_MANY_CODES)
    if not known:
        shown = given[:20]
        message = (f"No live session has the code {shown}." if code else
                   f"{shown} is not a join code: a code has six letters and digits, as the presenter's screen shows.")
        return _page(404, "No such live session", message)
    response = RedirectResponse(f"/join?code={code}", status_code=303, headers={"Cache-Control": "no-store"})
    token = request.cookies.get(COOKIE)
    if not token or not TOKEN_LENGTHS[0] <= len(token) <= TOKEN_LENGTHS[1]:  # one the phone view would refuse
        token = codes.new_token()
        response.set_cookie(COOKIE, token, max_age=YEAR, path="/", httponly=True, samesite="lax",
                            secure=request.url.scheme == "https")
    try:
        await run_in_threadpool(session.join, code, token)
    except session.LiveError:
        pass  # an ended session: the phone view says so
    return response


async def export(request: Request) -> Response:
    """The room's answers (CSV) or their description (JSON), for the presenter's link only."""
    given = request.path_params.get("code", "")
    code = codes.normal_code(given)
    kind = request.path_params.get("file", "")
    try:  # an unknown code counts against the client's address, as at the join link: no oracle for guessing codes
        known = await run_in_threadpool(session.now, code or given, _client(request)) is not None
    except session.LiveError:
        return _json(429, "too many", limits.TOO_MANY_CODES)
    if not known:
        return _json(404, "not found", "No live session has this code.")
    try:
        answers = await run_in_threadpool(session.answers_export, code, request.query_params.get("host", ""))
    except session.NotHost as err:
        return _json(403, "forbidden", str(err))
    except session.LiveError as err:
        return _json(404, "not found", str(err))
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'attachment; filename="room-{code}-{kind}"'}
    if kind == "answers.csv":
        return Response(answers.to_csv(index=False), media_type="text/csv; charset=utf-8", headers=headers)
    described = await run_in_threadpool(session.export_descriptor, code)
    return Response(json.dumps(described, indent=2), media_type="application/json", headers=headers)


def routes() -> list[Route]:
    """The live routes, for `st.App(routes=...)` beside the API's."""
    return [Route("/live/join/{code}", join, methods=["GET"]),
            Route("/live/{code}/{file:str}", export_or_404, methods=["GET"])]


async def export_or_404(request: Request) -> Response:
    if request.path_params.get("file") not in ("answers.csv", "datapackage.json"):
        return _json(404, "not found", "A live session offers answers.csv and datapackage.json.")
    return await export(request)
