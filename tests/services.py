"""Real services the test suite drives, started on loopback in throwaway directories: a PostgreSQL cluster
(`initdb` + `pg_ctl`, trust authentication on 127.0.0.1 only, a free port) and `redis-server` (no persistence).

Both come from Debian packages (`postgresql`, `redis-server`), which `./dev test` installs when missing. PostgreSQL
refuses to run as root, so under root the cluster belongs to the `postgres` system user the package creates.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class ServiceUnavailable(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bindir() -> Path:
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
        if (Path(out) / "initdb").exists():
            return Path(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).resolve().parent
    raise ServiceUnavailable("PostgreSQL is not installed (Debian: apt-get install postgresql)")


class PostgresCluster:
    """A throwaway cluster; `admin_url` connects as the superuser `postgres` to the `postgres` database."""

    def __init__(self):
        self.bindir = _pg_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="portal-audit-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise ServiceUnavailable("running as root but there is no 'postgres' user to own the cluster")
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)

    def _run(self, *args, check=True):
        cmd = [str(a) for a in args]
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=self.root)

    def start(self) -> "PostgresCluster":
        try:
            self._run(self.bindir / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")
            opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                    f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            self._run(self.bindir / "pg_ctl", "-D", self.data, "-o", opts, "-l", self.root / "server.log", "-w",
                      "-t", "60", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.root / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            self.stop()
            raise ServiceUnavailable(f"PostgreSQL did not start: {exc.stderr.strip()[-2000:]}\n{tail}") from None
        return self

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    def __init__(self):
        exe = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists()
                                               else None)
        if not exe:
            raise ServiceUnavailable("redis-server is not installed (Debian: apt-get install redis-server)")
        self.exe = exe
        self.root = Path(tempfile.mkdtemp(prefix="portal-audit-redis-"))
        self.port = free_port()
        self.proc = None

    def start(self) -> "RedisServer":
        self.proc = subprocess.Popen([self.exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.root), "--protected-mode", "yes"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(64).startswith(b"+PONG"):
                        return self
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
        err = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() is not None else ""
        self.stop()
        raise ServiceUnavailable(f"redis-server did not start: {err.strip()[-500:]}")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.root, ignore_errors=True)
