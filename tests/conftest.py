"""Shared fixtures: the real content, a built site, a local web server and a browser."""
from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from metodeguide.loading import load_content  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# Tests that use the built site need WeasyPrint, because the build makes the forms' PDFs, and so do
# those that read the forms' PDFs. They are marked here, from the fixtures they ask for, so that no
# test can forget its mark.
NEEDS_WEASYPRINT = {"site_dir", "site_url", "pdfs"}


def pytest_collection_modifyitems(items):
    for item in items:
        if NEEDS_WEASYPRINT & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.weasyprint)


@pytest.fixture(scope="session")
def content():
    return load_content(PROJECT_DIR / "content")


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of content/ in a project-shaped folder, for breaking things on purpose."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR / "content", project / "content")
    return project / "content"


def run_build(project_dir: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project_dir / "scripts" / "build.py"), str(output)],
                          capture_output=True, text=True, cwd=project_dir)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    output = tmp_path_factory.mktemp("built") / "site"
    result = run_build(PROJECT_DIR, output)
    assert result.returncode == 0, result.stderr
    return output


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


LOCAL_SITE = ("http://127.0.0.1", "data:", "blob:")


def guarded_page(browser, allowed=LOCAL_SITE):
    """A fresh context and page that refuse, and record in ``page.foreign_requests``, every request
    whose address does not start with one of ``allowed``. Close the page's context when done."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.foreign_requests = []

    def guard(route):
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            page.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return page


@pytest.fixture
def page(browser):
    """A fresh page that refuses, and records, every request to a host other than 127.0.0.1."""
    page = guarded_page(browser)
    yield page
    page.context.close()
