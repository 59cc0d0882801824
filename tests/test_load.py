"""50 concurrent clients on loopback for 60 s against `rag serve` (the demo index, test
embedder): zero failed requests. The figures with the real model are benchmarks.http_load's
(docs/performance.md)."""

from __future__ import annotations

import threading
import time

import pytest

from benchmarks.http_load import client
from tests.test_server import _serving


@pytest.mark.slow
def test_fifty_clients_for_a_minute_without_an_error(tmp_path, seed_dir):
    with _serving(tmp_path, seed_dir) as base:
        port = int(base.rsplit(":", 1)[1])
        latencies: list[float] = []
        errors: list[str] = []
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(port, stop, n, latencies, errors)) for n in range(50)]
        for t in threads:
            t.start()
        time.sleep(60)
        stop.set()
        for t in threads:
            t.join(120)
    assert errors == []
    assert len(latencies) > 500  # every client was served, many times
