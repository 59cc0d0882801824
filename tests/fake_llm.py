"""An OpenAI-compatible chat endpoint on 127.0.0.1 for the tests: it streams a scripted
completion as server-sent events, or misbehaves as told (a broken stream, a truncated one, a
slow one, a refusal, an HTTP error), and records each request."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Script:
    """What the endpoint does with the next requests: `text` streamed in pieces of `piece`
    characters, or `mode`: "broken" (an event that is not JSON), "truncated" (the stream stops
    half-way, no finish), "slow" (waits `delay` s before answering), "refusal", "error" (HTTP 500),
    "length" (stopped at the length limit)."""

    text: str = ""
    mode: str = "ok"
    piece: int = 12
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)


def _chunk(content: str | None = None, finish: str | None = None, refusal: str | None = None) -> bytes:
    delta: dict[str, Any] = {}
    if content is not None:
        delta["content"] = content
    if refusal is not None:
        delta["refusal"] = refusal
    event = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "model": "fake",
             "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return b"data: " + json.dumps(event).encode() + b"\n\n"


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            script.requests.append({"path": self.path, "body": body,
                                    "authorization": self.headers.get("Authorization")})
            if script.mode == "slow":
                time.sleep(script.delay)
            if script.mode == "error":
                payload = json.dumps({"error": {"message": "model 'nope' not found"}}).encode()
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self._stream()
            self.close_connection = True

        def _stream(self) -> None:
            if script.mode == "refusal":
                self.wfile.write(_chunk(refusal="I cannot help with that."))
                return
            pieces = [script.text[i:i + script.piece] for i in range(0, len(script.text), script.piece)]
            if script.mode == "truncated":
                pieces = pieces[:max(1, len(pieces) // 2)]
            for piece in pieces:
                self.wfile.write(_chunk(piece))
                self.wfile.flush()
            if script.mode == "broken":
                self.wfile.write(b"data: {not json\n\n")
                return
            if script.mode == "truncated":
                return
            self.wfile.write(_chunk(finish="length" if script.mode == "length" else "stop"))
            self.wfile.write(b"data: [DONE]\n\n")

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (a time-out under test) closed its end: nothing to report


@contextmanager
def fake_llm(script: Script) -> Iterator[str]:
    """The endpoint's base URL (http://127.0.0.1:PORT/v1) while it runs."""
    server = _Server(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
