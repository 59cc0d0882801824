"""HTTP API and web page over the same library calls as the CLI (FastAPI, API docs served
offline): every request is answered from the index's live generation (rag.live), errors come
back as `{"error", "type"}` with a status of their own, and a server reachable from other
machines needs a bearer token."""

from __future__ import annotations

import errno
import ipaddress
import json
import re
import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rag.config import Settings
from rag.errors import (IndexCorrupt, IndexMismatch, IndexNotFound, LLMRefused, LLMResponseError, LLMTimeout,
                        NotFoundError, RagError, StoreUnavailable, UsageError)
from rag.live import LiveIndex
from rag.search.filters import Filters
from rag.service import status

_HTTP_STATUS = {UsageError: 400, NotFoundError: 404, IndexNotFound: 503, IndexCorrupt: 503, IndexMismatch: 503,
                LLMRefused: 422, LLMResponseError: 502, LLMTimeout: 504, StoreUnavailable: 503}
MAX_BODY_BYTES = 64 * 1024  # a request body larger than this is refused with 413
MAX_QUESTION_CHARS = 2000  # a longer question or query is refused with 400
_OPEN = ("/health", "/", "/static/", "/docs", "/openapi.json")  # served without the token
_PATH = re.compile(r"(?<![\w.])/(?:[^\s'\",;:()]+/)+([^\s'\",;:()]*)")
_ASSETS = {"app.js": "text/javascript", "app.css": "text/css"}


class AskRequest(BaseModel):
    # A misspelt key ("yaer") is refused, not dropped: the answer would ignore the filter meant.
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The question, in plain words.", max_length=MAX_QUESTION_CHARS)
    symbol: str | None = Field(default=None, description="Only documents issued under this symbol (* any characters).")
    body: str | None = Field(default=None, description="Only documents of this body (part of its name, or GA, SC...).")
    year: str | int | None = Field(default=None, description="Only documents issued in this year or range (2024-2025).")
    digest: bool = Field(default=False, description="Also the supporting sentences of several paragraphs and "
                                                    "documents (`digest` in the answer), grouped by document.")
    generate: bool = Field(default=False, description="Also the answer of the server's language model "
                                                      "(`generated`, every sentence's citations checked), or a "
                                                      "`note` saying why there is none.")


class ErrorBody(BaseModel):
    error: str = Field(description="One line saying what went wrong and how to fix it.")
    type: str = Field(description="The kind of error: UsageError, NotFoundError, IndexNotFound, ...")


# The statuses every API call may answer with besides 200, all with an ErrorBody.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": what} for code, what in (
        (400, "a bad argument (missing, malformed, too long) or filters that no document passes"),
        (401, "the bearer token is missing or wrong (a server started with --token)"),
        (404, "an unknown symbol or paragraph"),
        (413, "a request body over 64 KiB"),
        (422, "the language model refused to answer (`generate`)"),
        (500, "an unexpected failure (no traceback is sent)"),
        (502, "the language model answered an error, or a malformed or truncated stream (`generate`)"),
        (504, "the language model did not answer within its time-out (`generate`)"),
        (503, "no usable index (not built yet, or damaged: the message says which), or the shared store cannot be reached"))}


def without_paths(message: str) -> str:
    """An error message with every absolute path cut to its last part (no local paths leave
    the machine)."""
    return _PATH.sub(lambda m: m.group(1) or "/", message)


def _error(code: int, message: str, kind: str) -> JSONResponse:
    return JSONResponse(status_code=code, content={"error": without_paths(message), "type": kind})


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        if e.get("type") == "json_invalid":
            at = next((x for x in e.get("loc", ()) if isinstance(x, int)), None)
            parts.append("the request body is not valid JSON" + (f" (at character {at})" if at is not None else ""))
            continue
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query"))
        if e.get("type") == "extra_forbidden":
            known = ", ".join(AskRequest.model_fields)
            parts.append(f"{where}: unknown key (the keys are {known})")
            continue
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


class _BodyLimit:
    """413 for a request body over MAX_BODY_BYTES, declared or streamed (chunked); 400 for one
    that is not UTF-8. The body is read here, up to the limit, and handed on to the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_large = _error(413, f"request body over {MAX_BODY_BYTES} bytes", "PayloadTooLarge")
        if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            await too_large(scope, receive, send)
            return
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY_BYTES:
                await too_large(scope, receive, send)
                return
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            await _error(400, "the request body is not valid UTF-8", "UsageError")(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def _asset(name: str) -> str:
    return resources.files("rag.webpage").joinpath(name).read_text(encoding="utf-8")


def _known_query(request: Request) -> None:
    """A query parameter an API route does not take is refused (400), not dropped: a misspelt
    filter (`/search?q=UNDOF&symbl=S/2025/154`) would give hits of every document. The page and
    its files (outside the API's schema) take what the page reads from its address itself."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not getattr(route, "include_in_schema", False):
        return
    known = sorted(p.alias for p in dependant.query_params)
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        takes = f"the parameters are {', '.join(known)}" if known else "it takes no parameters"
        raise UsageError(f"{unknown[0]}: unknown parameter ({takes})")


def create_app(settings: Settings, token: str | None = None) -> FastAPI:
    """The API and web page for one index; with `token`, every API call needs
    `Authorization: Bearer TOKEN`."""
    live = LiveIndex(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        live.close()

    app = FastAPIOffline(title="rag", description="Cited answers from paragraph-numbered official documents.",
                         lifespan=lifespan, responses=ERRORS, redoc_url=None,  # ReDoc's page fetches its logo online
                         dependencies=[Depends(_known_query)])
    _documented_errors(app)
    app.add_middleware(_BodyLimit)
    _errors(app)
    if token:
        _require_token(app, token)
    _pages(app)

    @app.get("/health")
    def health() -> dict[str, Any]:
        """`{"ok": true, "generation"}` while the index answers; 503 when it cannot be opened."""
        with live.session():
            return {"ok": True, "generation": live.generation}

    @app.post("/ask")
    def ask(req: AskRequest) -> dict[str, Any]:
        """Same JSON as `rag ask --json`."""
        with live.session() as s:
            answer = s.ask(req.question, filters=Filters.given(req.symbol, req.body, req.year),
                           digest=req.digest, generate=req.generate)
        if answer.generation_error is not None:  # the model failed: its status, the extractive answer kept
            exc = answer.generation_error
            return JSONResponse(status_code=_status(exc), content={
                "error": without_paths(str(exc)), "type": type(exc).__name__, "answer": answer.to_json()})
        return answer.to_json()

    @app.post("/ask/stream", response_class=StreamingResponse)
    def ask_stream(req: AskRequest, request: Request) -> StreamingResponse:
        """`/ask` with the language model's answer as server-sent events: `answer` (the JSON of
        `/ask` without `generated`), `text` pieces of the model's answer as they come, then
        `generated` (the checked answer) or `note` (why there is none), or `error`
        (`{"error", "type", "status"}`) when the model fails on the way. Errors before the
        stream starts (a bad argument, no index) are plain error responses. A client that goes
        away stops the model's answer."""
        stack = ExitStack()
        s = stack.enter_context(live.session())
        try:
            events = s.ask_events(req.question, Filters.given(req.symbol, req.body, req.year), digest=req.digest)
            first = next(events)  # the search and the extractive answer: their errors get their status
        except BaseException:
            stack.close()
            raise
        return StreamingResponse(_event_stream(request, stack, first, events), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @app.get("/search")
    def search(q: str = Query(..., description="Words or a question.", max_length=MAX_QUESTION_CHARS),
               k: int = Query(5, ge=1, le=100), symbol: str | None = None, body: str | None = None,
               year: str | None = None, mode: str = "hybrid") -> dict[str, Any]:
        """Same JSON as `rag search --json`; `symbol`, `body` and `year` filter the documents."""
        with live.session() as s:
            hits = s.search(q, k=k, mode=mode, filters=Filters.given(symbol, body, year))
        return {"query": q, "hits": [h.to_json() for h in hits]}

    @app.get("/show")
    def show(symbol: str, paragraph: str, annex: str | None = None, part: str | None = None,
             context: int = Query(0, ge=0, le=5, description="Paragraphs before and after to include.")) -> dict[str, Any]:
        """Same JSON as `rag show --json`; with `context`, the paragraphs around it in `before` and `after`."""
        with live.session() as s:
            shown = s.show(symbol, paragraph, annex, part)
            out = {**shown.to_json(), "source": Path(shown.source).name}
            if context:
                out.update(s.around(shown, context))
        return out

    @app.get("/documents")
    def documents(symbol: str | None = None, body: str | None = None, year: str | None = None) -> dict[str, Any]:
        """Every indexed document (symbol, symbols, title, date, body, session, pages, paragraphs),
        or those the filters allow."""
        with live.session() as s:
            filters = Filters.given(symbol, body, year)
            if filters is not None:
                filters.check(s.index)
            docs = [d for d in s.index.documents() if filters is None or filters.allows(d)]
        return {"documents": [{k: v for k, v in d.to_json().items() if k not in ("row", "source")} for d in docs]}

    @app.api_route("/source", methods=["GET", "HEAD"], response_class=FileResponse)
    def source(symbol: str) -> FileResponse:
        """The file a document was indexed from (a PDF opens at `#page=N`)."""
        with live.session() as s:
            doc = s.index.document(symbol)
        path = Path(doc.source)
        if not path.is_file():
            raise NotFoundError(f"the source file of {doc.symbol} is no longer there")
        media = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
                 ".md": "text/plain"}.get(path.suffix.lower(), "application/octet-stream")
        return FileResponse(path, media_type=media, filename=path.name, content_disposition_type="inline")

    @app.get("/status")
    def index_status() -> dict[str, Any]:
        """`rag index status --json` without what names this machine's files (the index folder,
        sources, files, checksums): the index's name, generation, model, counts, build time."""
        data = status(settings)
        hidden = ("sources", "failed", "files", "excluded", "checksums")
        shown = {**{k: v for k, v in data.items() if k not in hidden}, "index": settings.index_name,
                 "failed": len(data.get("failed", [])),
                 "language_model": settings.llm_model if settings.llm_url and settings.llm_model else None}
        return _scrubbed(shown)

    return app


def _status(exc: RagError) -> int:
    return next((c for t, c in _HTTP_STATUS.items() if isinstance(exc, t)), 500)


def _event(kind: str, value: Any) -> str:
    """One server-sent event: its name and its JSON (a text piece or a note as `{kind: value}`;
    an error as `{"error", "type", "status"}`)."""
    if isinstance(value, RagError):
        data = {"error": without_paths(str(value)), "type": type(value).__name__, "status": _status(value)}
    elif hasattr(value, "to_json"):
        data = value.to_json()
    else:
        data = {kind: value}
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


_DONE = object()


async def _event_stream(request: Request, stack: ExitStack, first: tuple[str, Any],
                        events: Iterator[tuple[str, Any]]) -> AsyncIterator[str]:
    """The events of `/ask/stream`, each pulled from the model's stream in a worker thread; the
    stream closed (the model's connection with it) and the session released when the events
    end or the client goes away."""
    try:
        yield _event(*first)
        while not await request.is_disconnected():
            item = await run_in_threadpool(next, events, _DONE)
            if item is _DONE:
                break
            yield _event(*item)
    except RagError as exc:
        yield _event("error", exc)
    finally:
        await run_in_threadpool(_close, events, stack)


def _close(events: Iterator[tuple[str, Any]], stack: ExitStack) -> None:
    try:
        events.close()  # type: ignore[attr-defined]  # a generator: closes the model's connection
    finally:
        stack.close()


def _documented_errors(app: FastAPI) -> None:
    """The OpenAPI schema without FastAPI's 422 validation response: validation errors are 400s
    in the ErrorBody shape like every other error."""

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for path in spec.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def _scrubbed(value: Any) -> Any:
    """`value` with every absolute path in its strings cut to its last part (`without_paths`)."""
    if isinstance(value, dict):
        return {k: _scrubbed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    return without_paths(value) if isinstance(value, str) else value


def _errors(app: FastAPI) -> None:
    """Every error as `{"error", "type"}`: library errors with their status, validation errors
    400, unknown routes 404, anything else 500 without a traceback."""

    @app.exception_handler(RagError)
    async def _rag_error(_request: Request, exc: RagError) -> JSONResponse:
        advice = exc.fix is not None and "`rag " in exc.fix  # a command to run: the operator's, not the reader's
        return _error(_status(exc), exc.message if advice else str(exc), type(exc).__name__)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_message(exc), "UsageError")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "HTTPError")
        return _error(exc.status_code, str(exc.detail), kind)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__})", "InternalError")


def _require_token(app: FastAPI, token: str) -> None:
    @app.middleware("http")
    async def _bearer(request: Request, call_next: Any) -> Response:
        path = request.url.path
        if path in _OPEN or path.startswith("/static/"):
            return await call_next(request)
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return _error(401, "missing or wrong bearer token", "Unauthorized")
        return await call_next(request)


def _pages(app: FastAPI) -> None:
    """The web page (`/`) and its two assets, shipped in the package (no CDN, no build step)."""

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(_asset("index.html"))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in _ASSETS:
            raise StarletteHTTPException(404, f"no asset {name!r}")
        return Response(_asset(name), media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1, localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None, insecure: bool) -> None:
    """UsageError for a non-loopback address without a token or an explicit --insecure."""
    if not is_loopback(host) and not token and not insecure:
        raise UsageError(f"--host {host} makes the index reachable from other machines",
                         fix="give --token SECRET (clients send `Authorization: Bearer SECRET`), or --insecure")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` (0: a free port); UsageError naming the port when it is
    taken or not allowed, or the host when it is no address of this machine."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port} is not a port number", fix="give a port from 0 to 65535 (0: any free port)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise UsageError(f"--host {host} cannot be resolved ({exc})", fix="give an address such as 127.0.0.1") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRNOTAVAIL:
            raise UsageError(f"--host {host} is no address of this machine ({exc.strerror})",
                             fix="give an address of this machine, such as 127.0.0.1") from None
        raise UsageError(f"cannot listen on {host} port {port}: {exc.strerror or exc}",
                         fix="give another --port (0: any free port), or stop what uses it") from None
    return sock


def bound_port(sock: socket.socket) -> int:
    """The port `sock` is bound to (the one the system chose for port 0)."""
    return int(sock.getsockname()[1])


def serve(settings: Settings, sock: socket.socket, token: str | None = None, insecure: bool = False) -> None:
    """Serve the page and the API on the bound socket `sock` until interrupted."""
    import uvicorn

    with sock, suppress(KeyboardInterrupt):  # Ctrl-C stops the server: no error
        check_exposure(str(sock.getsockname()[0]), token, insecure)
        server = uvicorn.Server(uvicorn.Config(create_app(settings, token), log_level="warning"))
        server.run(sockets=[sock])
