"""Shared fixtures: the real content, a built site, a local web server and a browser."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from metodeguide.loading import load_content  # noqa: E402
from scripts.nginx_site import NginxSite  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# Tests that use the built site need WeasyPrint, because the build makes the forms' PDFs, and so do
# those that read the forms' PDFs. They are marked here, from the fixtures they ask for, so that no
# test can forget its mark.
NEEDS_WEASYPRINT = {"site_dir", "site_url", "nginx_site", "pdfs"}


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


@pytest.fixture(scope="session")
def nginx_site(site_dir):
    """The built site served by Debian's nginx with deploy/nginx.conf, as a municipality publishes
    it: every browser test runs under its headers and Content-Security-Policy."""
    with NginxSite(site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(nginx_site):
    return nginx_site.url


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
    whose address does not start with one of ``allowed``, and record console errors and policy
    violations (``_record_problems``). Close the page's context when done."""
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
    _record_problems(page)
    return page


# Every violation of the Content-Security-Policy, as the page itself is told of it.
RECORD_POLICY_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__policyViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`));
"""


def _record_problems(page):
    """Collect in ``page.console_errors`` what the console reports as an error and every uncaught
    exception; ``policy_violations(page)`` reads the policy's."""
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(f"uncaught: {error}"))
    page.add_init_script(RECORD_POLICY_VIOLATIONS)


def policy_violations(page) -> list[str]:
    return page.evaluate("window.__policyViolations")


@pytest.fixture
def page(browser):
    """A fresh page that refuses, and records, every request to a host other than 127.0.0.1, and
    fails the test if the site's Content-Security-Policy refused anything while it ran."""
    page = guarded_page(browser)
    yield page
    page.context.close()
    # Whatever the test did (search, filters, cards, print, the planner, Word), the policy refused
    # nothing: Chromium reports each refusal as a console error.
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []
