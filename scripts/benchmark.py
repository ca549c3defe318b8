"""Speed and size of the build, measured rather than asserted in tests.

Goals: a full build within 10 seconds on the project's 2-core machine, a principle page (HTML,
uncompressed) under 100 KB, and a principle page that transfers at most 1.2 times the bytes of an
empty Material page built with the same versions (the issue "Search costs nothing until it is
used"). The transfer is measured as a first visit gets it: both sites served by Debian's nginx with
gzip on, each page opened in a fresh Chromium, and the bytes nginx sent (headers and compressed
bodies of every request, the page's workers' too) summed after the load and 2 s idle.
Prints the measurements and exits 1 if a goal is missed.
Needs nginx (apt-get install nginx-light) and /usr/bin/chromium.
Usage: .venv/bin/python scripts/benchmark.py [--verbose]  (--verbose lists every response)
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import build  # noqa: E402

BUILD_SECONDS_GOAL = 10.0
PAGE_KILOBYTES_GOAL = 100.0
TRANSFER_RATIO_GOAL = 1.2
IDLE_MILLISECONDS = 2000

CHROMIUM = "/usr/bin/chromium"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")

# The same folder holds both sites, so one server and one configuration serve them alike.
# The gzip lines are the ones Debian's /etc/nginx/nginx.conf ships (commented out but for
# "gzip on"), switched on: what a host that enables compression typically serves.
NGINX_CONFIG = """\
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format sent '$bytes_sent $request_uri';
    access_log {prefix}/access.log sent;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    gzip on;
    gzip_vary on;
    gzip_proxied any;
    gzip_comp_level 6;
    gzip_buffers 16 8k;
    gzip_http_version 1.1;
    gzip_types text/plain text/css application/json application/javascript text/xml
               application/xml application/xml+rss text/javascript;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""

EMPTY_MKDOCS_YML = """\
site_name: Tom
theme:
  name: material
  font: false
plugins:
  - search:
      lang: da
"""


def main(verbose: bool = False) -> int:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        output = folder / "site"
        started = time.perf_counter()
        if build(output) != 0:
            return 1
        seconds = time.perf_counter() - started
        pages = sorted((output / "principper").glob("*/index.html"))
        largest = max(page.stat().st_size for page in pages) / 1024
        total = sum(f.stat().st_size for f in output.rglob("*") if f.is_file()) / 1024
        print(f"build: {seconds:.1f} s (goal {BUILD_SECONDS_GOAL:.0f} s)")
        print(f"largest principle page: {largest:.0f} KB (goal {PAGE_KILOBYTES_GOAL:.0f} KB)")
        print(f"whole site: {total:.0f} KB")
        met = seconds <= BUILD_SECONDS_GOAL and largest <= PAGE_KILOBYTES_GOAL

        if build_empty_material(folder / "empty") != 0:
            return 1
        principle = pages[0].parent.relative_to(folder).as_posix()
        with nginx(folder) as server:
            ours = server.transferred(f"{principle}/", verbose)
            empty = server.transferred("empty/", verbose)
        ratio = ours / empty
        print(f"principle page transferred (gzip, nginx): {ours / 1024:.0f} KB ({principle}/)")
        print(f"empty Material page transferred: {empty / 1024:.0f} KB")
        print(f"ratio: {ratio:.2f} (goal {TRANSFER_RATIO_GOAL} at most)")
        met = met and ratio <= TRANSFER_RATIO_GOAL
    return 0 if met else 1


def build_empty_material(output: Path) -> int:
    """An empty Material site with the same MkDocs, theme and search plugin: the baseline."""
    with tempfile.TemporaryDirectory() as project:
        project = Path(project)
        (project / "docs").mkdir()
        (project / "docs" / "index.md").write_text("# Tom side\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text(EMPTY_MKDOCS_YML, encoding="utf-8")
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(output)],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        ).returncode


class Server:
    """Debian's nginx serving one folder on a free local port with gzip, from a throwaway prefix."""

    def __init__(self, root: Path, prefix: Path):
        executable = next((found for name in NGINX_CANDIDATES if (found := shutil.which(name))), None)
        if executable is None:
            raise SystemExit("nginx is missing: apt-get install -y nginx-light")
        # Run as root, nginx serves with its workers as "nobody", who must be able to read the
        # sites (temporary folders are made private).
        for folder in (root, *root.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = prefix / "access.log"
        config = prefix / "nginx.conf"
        config.write_text(NGINX_CONFIG.format(prefix=prefix, port=self.port, root=root),
                          encoding="utf-8")
        self.process = subprocess.Popen([executable, "-p", str(prefix), "-c", str(config), "-q"])
        self._wait_until_listening(prefix / "error.log")

    def _wait_until_listening(self, errors: Path) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"nginx stopped: {errors.read_text() if errors.exists() else ''}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return
            time.sleep(0.05)
        self.stop()
        raise SystemExit("nginx did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def transferred(self, path: str, verbose: bool = False) -> int:
        """Bytes nginx sent for one first visit to `path` (headers and gzipped bodies, every
        request the page and its workers made, until the load and 2 s idle). nginx's own count,
        because Chromium reports no body size for a worker's main script."""
        already = self.log.stat().st_size if self.log.exists() else 0
        visit(f"http://127.0.0.1:{self.port}/{path}")
        with self.log.open(encoding="utf-8") as log:
            log.seek(already)
            lines = [line.split(" ", 1) for line in log.read().splitlines()]
        if verbose:
            for sent, uri in lines:
                print(f"  {int(sent):7d}  {uri}")
        return sum(int(sent) for sent, _ in lines)


@contextlib.contextmanager
def nginx(root: Path):
    with tempfile.TemporaryDirectory() as prefix:
        server = Server(root, Path(prefix))
        try:
            yield server
        finally:
            server.stop()


def visit(url: str) -> None:
    """Open `url` in a fresh Chromium (an empty cache, like a first visit), then stay 2 s idle."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            response = browser.new_page().goto(url, wait_until="load")
            if response is None or response.status != 200:
                raise SystemExit(f"{url}: {response.status if response else 'no response'}")
            time.sleep(IDLE_MILLISECONDS / 1000)
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main(verbose="--verbose" in sys.argv[1:]))
