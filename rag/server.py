"""HTTP API over the same library calls as the CLI (FastAPI; one Session kept warm, closed at
shutdown)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from rag.config import Settings
from rag.errors import IndexNotFound, NotFoundError, RagError, UsageError
from rag.search.filters import Filters
from rag.service import Session, ensure_index, status

_HTTP_STATUS = {UsageError: 400, NotFoundError: 404, IndexNotFound: 503}


class AskRequest(BaseModel):
    question: str = Field(description="The question, in plain words.")
    symbol: str | None = Field(default=None, description="Only documents issued under this symbol (* any characters).")
    body: str | None = Field(default=None, description="Only documents of this body (part of its name, or GA, SC...).")
    year: str | None = Field(default=None, description="Only documents issued in this year or range (2024-2025).")


def _filters(symbol: str | None, body: str | None, year: str | None) -> Filters | None:
    return Filters(symbol=symbol, body=body, year=year) if (symbol or body or year) else None


def create_app(settings: Settings) -> FastAPI:
    """The API app for one index; the index is opened (or built from the seeds) on first use."""
    state: dict[str, Session] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if "s" in state:
            state.pop("s").close()

    app = FastAPI(title="rag", description="Cited answers from paragraph-numbered official documents.",
                  lifespan=lifespan)

    def session() -> Session:
        if "s" not in state:
            ensure_index(settings)
            state["s"] = Session(settings)
        return state["s"]

    @app.exception_handler(RagError)
    async def _rag_error(_request: Any, exc: RagError) -> JSONResponse:
        code = next((c for t, c in _HTTP_STATUS.items() if isinstance(exc, t)), 500)
        return JSONResponse(status_code=code, content={"error": str(exc), "type": type(exc).__name__})

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"ok": True}

    @app.post("/ask")
    def ask(req: AskRequest) -> dict[str, Any]:
        """Same JSON as `rag ask --json`."""
        return session().ask(req.question, filters=_filters(req.symbol, req.body, req.year)).to_json()

    @app.get("/search")
    def search(q: str = Query(..., description="Words or a question."), k: int = Query(5, ge=1, le=100),
               symbol: str | None = None, body: str | None = None, year: str | None = None,
               mode: str = "hybrid") -> dict[str, Any]:
        """Same JSON as `rag search --json`; `symbol`, `body` and `year` filter the documents."""
        hits = session().search(q, k=k, mode=mode, filters=_filters(symbol, body, year))
        return {"query": q, "hits": [h.to_json() for h in hits]}

    @app.get("/show")
    def show(symbol: str, paragraph: str, annex: str | None = None, part: str | None = None) -> dict[str, Any]:
        """Same JSON as `rag show --json`."""
        return session().show(symbol, paragraph, annex, part).to_json()

    @app.get("/status")
    def index_status() -> dict[str, Any]:
        """Same JSON as `rag index status --json`."""
        return status(settings)

    return app


def serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
