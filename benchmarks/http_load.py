"""HTTP load on `rag serve`: N concurrent clients (keep-alive connections on loopback) asking
/ask and /search in turn for a fixed time; prints requests per second, p50/p95/p99 latency and
the error count (the target is zero errors).

    python -m benchmarks.http_load --index-dir DIR --index un --clients 50 --seconds 60

The questions are the demo's and a few generic ones; the server is started as a subprocess
with the index given (the default: the demo index) and stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

QUESTIONS = (
    "which forum does IOM serve as secretariat for?",
    "What did the Security Council decide about the mandate of the mission?",
    "How many troops did the Force comprise?",
    "Why did the Committee defer its consideration of the report?",
    "audit recommendations implemented",
    "What is the boiling point of liquid nitrogen?",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: argparse.Namespace, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "rag", "serve", "--port", str(port)]
    if args.index_dir:
        command += ["--index-dir", args.index_dir]
    if args.index:
        command += ["--index", args.index]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ))
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-2000:]}")


def client(port: int, stop: threading.Event, seed: int, latencies: list[float], errors: list[str]) -> None:
    """One client on a keep-alive connection: /search and /ask in turn until `stop`; each
    latency in seconds, each failure's status or exception name."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = seed
    while not stop.is_set():
        q = QUESTIONS[i % len(QUESTIONS)]
        start = time.perf_counter()
        try:
            if i % 2:
                conn.request("POST", "/ask", body=json.dumps({"question": q}), headers={"Content-Type": "application/json"})
            else:
                conn.request("GET", "/search?" + urlencode({"q": q, "k": 5}))
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(str(response.status))
            latencies.append(time.perf_counter() - start)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i += 1
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", default=None)
    parser.add_argument("--index", default=None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    port = _free_port()
    proc = _start(args, port)
    try:
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        warm.request("GET", "/search?q=warm")
        warm.getresponse().read()
        latencies: list[float] = []
        errors: list[str] = []
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(port, stop, n, latencies, errors)) for n in range(args.clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(args.seconds)
        stop.set()
        for t in threads:
            t.join(120)
        elapsed = time.perf_counter() - began
    finally:
        proc.terminate()
        proc.wait(30)
    ms = np.array(latencies) * 1000
    print(f"index {Path(args.index_dir or 'indexes') / (args.index or 'default')}, {args.clients} clients, {elapsed:.0f} s")
    print(f"requests {len(ms)}  errors {len(errors)}  req/s {len(ms) / elapsed:.1f}")
    if len(ms):
        print(f"latency ms  p50 {np.percentile(ms, 50):.0f}  p95 {np.percentile(ms, 95):.0f}  p99 {np.percentile(ms, 99):.0f}")
    if errors:
        print("errors:", ", ".join(sorted(set(errors))))


if __name__ == "__main__":
    main()
