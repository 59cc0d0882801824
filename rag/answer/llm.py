"""A client for an OpenAI-compatible chat endpoint the user runs (Ollama, llama.cpp server, vLLM,
or a hosted one): one streamed chat completion, read as server-sent events.

The key, when the endpoint needs one, is read from RAG_LLM_API_KEY at the moment of the call; it
is never stored in the settings, written to disk, or put in a message. What can go wrong is a
RagError of its own: nothing configured or nothing listening (LLMUnavailable: the extractive
answer stands alone), no answer within the time-out (LLMTimeout), an HTTP error or a malformed or
truncated stream (LLMResponseError), a refusal or content filter (LLMRefused).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from rag.errors import (
    LLMRefused,
    LLMResponseError,
    LLMTimeout,
    LLMUnavailable,
    UsageError,
)

KEY_VARIABLE = "RAG_LLM_API_KEY"
_USERINFO = re.compile(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", re.IGNORECASE)
_ERROR_BODY = 300  # characters of an endpoint's error body quoted in the message


@dataclass(frozen=True)
class Endpoint:
    """Where the chat completions are asked for: scheme, host, port, path, model, time-out."""

    scheme: str
    host: str
    port: int
    path: str  # with the URL's query, if any (`?api-version=...`)
    model: str
    timeout: float  # seconds for the whole answer

    @property
    def shown(self) -> str:
        """The endpoint as messages name it (no user name, password or query)."""
        return f"{self.scheme}://{self.host}:{self.port}{self.path.split('?', 1)[0]}"


def _redacted(url: str) -> str:
    """A URL as an error message may show it: without a user name and password."""
    return _USERINFO.sub(r"\1***@", url)


def endpoint(url: str | None, model: str | None, timeout: float) -> Endpoint:
    """The endpoint of the settings' llm_url and llm_model: LLMUnavailable when either is unset,
    UsageError when the URL is not an http(s) URL."""
    if not url or not model:
        raise LLMUnavailable("no language model configured", fix="set RAG_LLM_URL and RAG_LLM_MODEL")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"setting llm_url: {_redacted(url)!r} is not an http(s) URL",
                         fix="e.g. RAG_LLM_URL=http://127.0.0.1:11434/v1")
    path = parts.path.rstrip("/")
    if not path.endswith("/chat/completions"):
        path += "/chat/completions"
    if parts.query:
        path += "?" + parts.query
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UsageError(f"setting llm_url: {_redacted(url)!r} has no valid port") from exc
    if timeout <= 0:
        raise UsageError(f"setting llm_timeout: {timeout} is not a positive number of seconds")
    return Endpoint(parts.scheme, parts.hostname, port, path, model, timeout)


def _connection(ep: Endpoint) -> http.client.HTTPConnection:
    cls = http.client.HTTPSConnection if ep.scheme == "https" else http.client.HTTPConnection
    return cls(ep.host, ep.port, timeout=ep.timeout)


def _headers() -> dict[str, str]:
    headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
    key = os.environ.get(KEY_VARIABLE)
    if key:
        headers["Authorization"] = f"Bearer {key}"
    return headers


def _open(ep: Endpoint, messages: list[dict[str, str]]) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """The request sent and the response's head read."""
    body = json.dumps({"model": ep.model, "messages": messages, "stream": True, "temperature": 0})
    conn = _connection(ep)
    try:
        conn.request("POST", ep.path, body=body.encode("utf-8"), headers=_headers())
        response = conn.getresponse()
    except TimeoutError as exc:
        conn.close()
        raise LLMTimeout(f"the language model at {ep.shown} did not answer within {ep.timeout:g} s") from exc
    except ssl.SSLError as exc:  # a configuration mistake (https to a plain-HTTP port, a bad certificate), not a model that is down
        conn.close()
        raise LLMResponseError(f"TLS with the language model at {ep.shown} failed: {exc.reason or exc}") from exc
    except OSError as exc:  # refused, unreachable, unknown host
        conn.close()
        raise LLMUnavailable(f"cannot reach the language model at {ep.shown}: {exc.strerror or exc}") from exc
    if response.status >= 300:
        text = response.read(4096).decode("utf-8", "replace")
        conn.close()
        raise LLMResponseError(f"the language model at {ep.shown} answered HTTP {response.status}: "
                               f"{_error_text(text)}")
    return conn, response


def _error_text(body: str) -> str:
    """An endpoint's error body as one short line (its `error.message` where it is JSON)."""
    try:
        data = json.loads(body)
        error = data.get("error") if isinstance(data, dict) else None
        body = error.get("message", body) if isinstance(error, dict) else str(error or body)
    except ValueError:
        pass
    return " ".join(body.split())[:_ERROR_BODY] or "(no body)"


def _delta(event: dict[str, Any], ep: Endpoint) -> tuple[str, str | None]:
    """The text an event adds and its finish reason; LLMRefused for a refusal."""
    try:
        choice = event["choices"][0] if event.get("choices") else {}
        delta = choice.get("delta") or {}
        finish = choice.get("finish_reason")
        if delta.get("refusal"):
            raise LLMRefused(f"the language model at {ep.shown} refused: {' '.join(str(delta['refusal']).split())[:_ERROR_BODY]}")
        if finish == "content_filter":
            raise LLMRefused(f"the language model at {ep.shown} stopped its answer (content filter)")
        return str(delta.get("content") or ""), finish
    except (AttributeError, IndexError, KeyError, TypeError) as exc:
        raise LLMResponseError(f"the language model at {ep.shown} sent a malformed stream event") from exc


def _lines(response: http.client.HTTPResponse, conn: http.client.HTTPConnection, ep: Endpoint,
           deadline: float) -> Iterator[str]:
    """The response's lines, each read within what is left of the answer's time."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise LLMTimeout(f"the language model at {ep.shown} took longer than {ep.timeout:g} s")
        if conn.sock is not None:
            conn.sock.settimeout(left)
        raw = response.readline()
        if not raw:
            return
        yield raw.decode("utf-8", "replace").rstrip("\r\n")


def _events(lines: Iterator[str], ep: Endpoint) -> Iterator[dict[str, Any] | None]:
    """The JSON events of a server-sent event stream (a blank line ends an event; its `data:`
    lines are joined); None for `[DONE]`."""
    data: list[str] = []
    for line in _closed(lines):
        if line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
            continue
        if line or not data:
            continue  # comments, event names, ids; a blank line with no data
        text, data = "\n".join(data), []
        if text.strip() == "[DONE]":
            yield None
            return
        yield _event(text, ep)


def _closed(lines: Iterator[str]) -> Iterator[str]:
    """The lines, then a blank one (a stream may end without closing its last event)."""
    yield from lines
    yield ""


def _event(text: str, ep: Endpoint) -> dict[str, Any]:
    try:
        event = json.loads(text)
    except ValueError as exc:
        raise LLMResponseError(f"the language model at {ep.shown} sent a malformed stream "
                               f"(not JSON: {text[:60]!r})") from exc
    if isinstance(event, dict) and "error" in event:
        raise LLMResponseError(f"the language model at {ep.shown} failed: {_error_text(text)}")
    if not isinstance(event, dict):
        raise LLMResponseError(f"the language model at {ep.shown} sent a malformed stream event")
    return event


def _whole_reply(response: http.client.HTTPResponse, ep: Endpoint) -> str:
    """The text of an endpoint that answered with one JSON completion instead of a stream."""
    try:
        data = json.loads(response.read().decode("utf-8", "replace"))
        choice = data["choices"][0]
        message = choice.get("message") or {}
        if message.get("refusal") or choice.get("finish_reason") == "content_filter":
            raise LLMRefused(f"the language model at {ep.shown} refused: "
                             f"{' '.join(str(message.get('refusal') or 'content filter').split())[:_ERROR_BODY]}")
        if choice.get("finish_reason") == "length":
            raise LLMResponseError(f"the language model at {ep.shown} stopped at its length limit (answer truncated)")
        return str(message.get("content") or "")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise LLMResponseError(f"the language model at {ep.shown} sent a malformed answer") from exc


def stream_chat(ep: Endpoint, messages: list[dict[str, str]]) -> Iterator[str]:
    """The answer's text as it streams in, all of it within `ep.timeout` seconds. A stream that
    ends without a finish reason or `[DONE]` is truncated (LLMResponseError), as is one stopped
    for length; an endpoint that answers one JSON completion instead is read whole."""
    deadline = time.monotonic() + ep.timeout
    conn, response = _open(ep, messages)
    try:
        if (response.getheader("Content-Type") or "").startswith("application/json"):
            yield _whole_reply(response, ep)
            return
        yield from _stream_text(_events(_lines(response, conn, ep, deadline), ep), ep)
    except TimeoutError as exc:
        raise LLMTimeout(f"the language model at {ep.shown} took longer than {ep.timeout:g} s") from exc
    except (http.client.HTTPException, OSError) as exc:
        raise LLMResponseError(f"the language model at {ep.shown} broke off its stream") from exc
    finally:
        conn.close()


def _stream_text(events: Iterator[dict[str, Any] | None], ep: Endpoint) -> Iterator[str]:
    finished = None
    for event in events:
        if event is None:
            break
        text, finish = _delta(event, ep)
        finished = finish or finished
        if text:
            yield text
    else:
        if finished is None:
            raise LLMResponseError(f"the language model at {ep.shown} ended its stream before the answer's end")
    if finished == "length":
        raise LLMResponseError(f"the language model at {ep.shown} stopped at its length limit (answer truncated)")
