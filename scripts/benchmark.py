"""make benchmark: how fast and light the guide is, measured, not asserted in tests.

Measures, in one run on this machine:
- the full build (site, offline copy, every PDF and Word file) with nothing kept from before, and
  again with the whole guide's PDF kept (goal: at most 30 s for the full one);
- per page type, behind Debian's nginx with deploy/nginx.conf (tests/conftest.py serves the tests
  the same way): Lighthouse's mobile scores (Debian's Chromium, Lighthouse as pinned in
  package-lock.json; the median of --runs runs), the cumulative layout shift it measured, and the
  bytes a first visit transfers (nginx's own count: headers and gzipped bodies of every request the
  page and its workers make until 2 s after load), against an empty Material page built in the
  same run with the same versions;
- the search index: its size, raw and gzipped, and that a page loads it only when search starts;
- `make test`'s wall time, split into the quick tests and the rest (browser, build, PDF, Word).
Writes the table between the benchmark marks in README.md and prints it.

Usage: .venv/bin/python scripts/benchmark.py [--runs N] [--skip-tests]
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from scripts.build import build  # noqa: E402
from scripts.nginx_site import NginxSite  # noqa: E402

BUILD_SECONDS_GOAL = 30.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
                 "--disable-component-update --disable-sync --no-first-run"
LIGHTHOUSE = PROJECT_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
IDLE_SECONDS = 2
README = PROJECT_DIR / "README.md"
MARKS = ("<!-- benchmark: start -->", "<!-- benchmark: end -->")

# One page of each type, by its address in the built site.
PAGE_TYPES = {
    "forside": "",
    "princip": "principper/foelg-op/",
    "fase": "faser/opfoelgning/",
    "fasematrix": "fasematrix/",
    "dilemmakort": "dilemmaer/",
    "spørgsmålsbank": "refleksionsspoergsmaal/",
    "skema": "skemaer/maal-og-aftaleskema/",
    "planlægger": "planlaegger/",
    "kit": "kompetencedage/foelg-op/",
    "evaluering": "taet/evaluering/",
    "tilgængelighedserklæring": "tilgaengelighed/",
}

# The baseline: an empty page with the site's own theme settings, so that it loads the same theme
# files and its inline script is allowed by the same policy. Unlike the guide, it loads its search
# index and worker at once, as Material does by default.
EMPTY_MKDOCS_YML = """\
site_name: Tom
theme:
  name: material
  language: da
  font: false
  palette: {scheme: default, primary: indigo, accent: indigo}
  features: [navigation.indexes, navigation.sections, navigation.top, search.highlight, toc.follow]
plugins:
  - search:
      lang: da
extra:
  scope: /
"""


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page type (median)")
    arguments.add_argument("--skip-tests", action="store_true", help="do not time make test")
    options = arguments.parse_args()

    with tempfile.TemporaryDirectory(prefix="metodeguide-benchmark-") as folder:
        folder = Path(folder)
        cold, warm = build_times(folder / "sites" / "site", folder / "cache")
        if build_empty_material(folder / "sites" / "empty") != 0:
            raise SystemExit("the empty Material site did not build")
        with NginxSite(folder / "sites") as server:
            empty_bytes = transferred(server, "empty/")
            pages = {name: measure_page(server, f"site/{path}", options.runs) for name, path in PAGE_TYPES.items()}
            search = search_index(server, folder / "sites" / "site")
    tests = None if options.skip_tests else test_times()
    report = render(cold, warm, pages, empty_bytes, search, tests, options.runs)
    print(report)
    write_into_readme(report)
    return 0


# --- Build ----------------------------------------------------------------------------------------

def build_times(output: Path, cache: Path) -> tuple[float, float]:
    """Seconds for a build from nothing (an empty temporary folder, so the guide's PDF is laid out
    again), then for the same build again with that PDF kept."""
    cache.mkdir(parents=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(cache)      # the builds' temporary folder holds the PDF cache
    try:
        times = []
        for _ in range(2):
            started = time.perf_counter()
            if build(output) != 0:
                raise SystemExit("the build failed")
            times.append(time.perf_counter() - started)
    finally:
        if previous is None:
            os.environ.pop("TMPDIR")
        else:
            os.environ["TMPDIR"] = previous
    return times[0], times[1]


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


# --- Pages ----------------------------------------------------------------------------------------

def measure_page(server: NginxSite, path: str, runs: int) -> dict:
    """Each of Lighthouse's figures as its own median over the runs, and the bytes of a first visit."""
    results = [lighthouse(server.url + path) for _ in range(max(runs, 1))]
    medians = {name: statistics.median(result[name] for result in results) for name in results[0]}
    return {**medians, "bytes": transferred(server, path)}


def lighthouse(url: str) -> dict:
    """Lighthouse's four scores (0–100) and the layout shift it measured, for a phone (its default)."""
    finished = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
         f"--chrome-flags={CHROMIUM_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if finished.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {finished.stderr[-2000:]}")
    report = json.loads(finished.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    return {**scores, "cls": audits["cumulative-layout-shift"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000}


def transferred(server: NginxSite, path: str, action=None) -> int:
    return sum(sent for sent, _ in visit(server, path, action))


def visit(server: NginxSite, path: str, action=None) -> list[tuple[int, str]]:
    """Open a page in a fresh Chromium (an empty cache, like a first visit), do ``action(page)`` if
    given, stay 2 s idle; every answer nginx sent for it, as (bytes, address)."""
    from playwright.sync_api import sync_playwright

    mark = server.log_mark()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:])
        try:
            page = browser.new_page()
            response = page.goto(server.url + path, wait_until="load")
            if response is None or response.status != 200:
                raise SystemExit(f"{path}: {response.status if response else 'no response'}")
            if action:
                action(page)
            time.sleep(IDLE_SECONDS)
        finally:
            browser.close()
    return server.responses_since(mark)


def search_index(server: NginxSite, site: Path) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    loaded_at_once = [uri for _, uri in visit(server, "site/principper/foelg-op/") if "search_index" in uri]
    on_search = [uri for _, uri in visit(server, "site/principper/foelg-op/",
                                        lambda page: page.focus("input.md-search__input")) if "search_index" in uri]
    return {"raw": len(index), "gzip": len(gzip.compress(index, 6)),
            "loads_with_page": bool(loaded_at_once), "loads_on_search": bool(on_search)}


# --- Tests ----------------------------------------------------------------------------------------

QUICK = "not browser and not weasyprint and not libreoffice"


def test_times() -> dict:
    """make test's two halves, timed apart: the quick tests (make quick) and the rest."""
    return {"quick": pytest_run(QUICK), "rest": pytest_run(f"not ({QUICK})")}


def pytest_run(markers: str) -> tuple[float, int]:
    started = time.perf_counter()
    finished = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", markers],
                              cwd=PROJECT_DIR, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    passed = re.search(r"(\d+) passed", finished.stdout)
    if finished.returncode != 0 or not passed:
        raise SystemExit(f"tests failed ({markers}):\n{finished.stdout[-3000:]}")
    return seconds, int(passed.group(1))


# --- Report ---------------------------------------------------------------------------------------

def render(cold: float, warm: float, pages: dict, empty_bytes: int, search: dict, tests: dict | None,
           runs: int) -> str:
    lines = [f"Measured {datetime.date.today().isoformat()} by `make benchmark` on this 2-core machine "
             f"(Lighthouse mobile, the median of {runs} runs per page; behind nginx with "
             "`deploy/nginx.conf`).", "",
             "| page type | performance | accessibility | best practices | SEO | layout shift | LCP | transferred | × empty Material page |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, page in pages.items():
        lines.append(f"| {name} | {page['performance']:g} | {page['accessibility']:g} | {page['best-practices']:g} "
                     f"| {page['seo']:g} | {page['cls']:.3f} | {page['lcp']:.1f} s | {page['bytes'] / 1024:.0f} KB "
                     f"| {page['bytes'] / empty_bytes:.2f} |")
    lines += ["", f"- Empty Material page, same versions, theme settings and server: {empty_bytes / 1024:.0f} KB "
              "transferred, its search index and worker included, which Material loads with every page "
              "(the guide's pages load theirs only when search starts).",
              f"- Search index: {search['raw'] / 1024:.0f} KB, {search['gzip'] / 1024:.0f} KB gzipped; "
              + ("loaded with every page." if search["loads_with_page"] else
                 "not loaded with a page, only when the reader starts to search"
                 + (" (checked)." if search["loads_on_search"] else " (but focusing search did not load it).")),
              f"- Full build (site, offline copy, every PDF and Word file, nothing kept): {cold:.1f} s "
              f"(goal {BUILD_SECONDS_GOAL:.0f} s{'' if cold <= BUILD_SECONDS_GOAL else ': missed'}); "
              f"with the guide's PDF kept: {warm:.1f} s."]
    if tests:
        (quick, quick_count), (rest, rest_count) = tests["quick"], tests["rest"]
        lines.append(f"- `make test`: {quick + rest:.0f} s in all: the quick tests ({quick_count}, `make quick`) "
                     f"{quick:.0f} s, the browser, build, PDF and Word tests ({rest_count}) {rest:.0f} s.")
    return "\n".join(lines)


def write_into_readme(report: str) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = MARKS
    if start not in text or end not in text:
        raise SystemExit(f"README.md lacks the marks {start} … {end}")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    README.write_text(f"{before}{start}\n{report}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
