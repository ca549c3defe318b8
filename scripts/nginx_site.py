"""A built site served by Debian's nginx with deploy/nginx.conf, on 127.0.0.1, for the tests and the
benchmark: the configuration a municipality publishes with is the one that is tested and measured.

    with NginxSite(site_folder) as server:
        server.url                          # http://127.0.0.1:<free port>/
        mark = server.log_mark()
        ...                                 # open pages
        server.responses_since(mark)        # [(bytes sent, address), …]

nginx runs from a throwaway prefix with a small main configuration around deploy/nginx.conf, as
Debian's /etc/nginx/nginx.conf includes a site from sites-enabled/ inside its http block. Only the
two lines marked "SET" in the deploy file are replaced, by the local port and folder.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DEPLOY_CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")

MAIN_CONFIG = """\
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    log_format sent '$bytes_sent $request_uri';
    access_log {prefix}/access.log sent;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{site}
}}
"""

# The lines of deploy/nginx.conf a publisher sets, and so the ones the tests set.
SET_LINES = {"listen": re.compile(r"^(\s*)listen\s[^;]*;.*$", re.MULTILINE),
             "root": re.compile(r"^(\s*)root\s[^;]*;.*$", re.MULTILINE)}


def local_site_config(port: int, root: Path) -> str:
    """deploy/nginx.conf with its listen and root lines set to a local port and folder."""
    text = DEPLOY_CONFIG.read_text(encoding="utf-8")
    values = {"listen": f"127.0.0.1:{port}", "root": str(root)}
    for name, line in SET_LINES.items():
        text, count = line.subn(lambda match: f"{match.group(1)}{name} {values[name]};", text)
        if count != 1:
            raise ValueError(f"{DEPLOY_CONFIG}: expected one '{name}' line, found {count}")
    return text


class NginxSite:
    def __init__(self, root: Path):
        self.root = root

    def __enter__(self) -> "NginxSite":
        executable = next((found for name in NGINX_CANDIDATES if (found := shutil.which(name))), None)
        if executable is None:
            raise RuntimeError("nginx is missing: apt-get install -y nginx")
        self._prefix = tempfile.TemporaryDirectory(prefix="metodeguide-nginx-")
        prefix = Path(self._prefix.name)
        self.port = _free_port()
        self.log = prefix / "access.log"
        config = prefix / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(prefix=prefix, user=_same_user(),
                                             site=local_site_config(self.port, self.root)), encoding="utf-8")
        self.process = subprocess.Popen([executable, "-p", str(prefix), "-c", str(config), "-e",
                                         str(prefix / "error.log"), "-q"])
        try:
            self._wait_until_listening(prefix / "error.log")
        except RuntimeError:
            self.__exit__()
            raise
        self.url = f"http://127.0.0.1:{self.port}/"
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self._prefix.cleanup()

    def log_mark(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def responses_since(self, mark: int) -> list[tuple[int, str]]:
        """(bytes sent, address) of every answer nginx logged after ``mark`` (``log_mark()``)."""
        with self.log.open(encoding="utf-8") as log:
            log.seek(mark)
            return [(int(sent), uri) for sent, uri in (line.split(" ", 1) for line in log.read().splitlines())]

    def _wait_until_listening(self, errors: Path) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {errors.read_text() if errors.exists() else ''}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return
            time.sleep(0.05)
        raise RuntimeError("nginx did not start")


def _same_user() -> str:
    """Started as root, nginx would serve as "nobody", who may not enter the test's private temporary
    folders; it serves as root then. Started by anyone else, it serves as that user anyway."""
    return "user root;" if os.geteuid() == 0 else ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
