"""In Debian's Chromium: what caseworkers type finds its answer in the first three search results.

The queries and their answers live in `search_queries.yml`, written from the guide's content and
from how people search, not from how the search works. Every query goes through the real search box
of the built site, one page, one after the other.
"""

from urllib.parse import unquote

import pytest
import yaml

from conftest import PROJECT_DIR
from test_browser import open_with_search_ready, search, search_results

pytestmark = pytest.mark.browser

QUERIES_FILE = PROJECT_DIR / "tests" / "search_queries.yml"
DATA = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
QUERIES = DATA["queries"]
NONSENSE = DATA["nothing"]
FIRST_RESULTS = 3
REQUIRED_SHARE = 0.9


def site_path(link: str, site_url: str) -> str:
    """A result's link as a path from the site root, with its anchor, as the data file writes it."""
    return unquote(link[len(site_url):] if link.startswith(site_url) else link)


def is_answer(path: str, answers: list[str]) -> bool:
    """An answer without an anchor is matched by any link on its page; one with an anchor by that link."""
    page = path.partition("#")[0]
    return any(path == answer if "#" in answer else page == answer for answer in answers)


def came_first(results: list[list[str]]) -> str:
    """The first results, each as its page and its best section: what the reader saw instead."""
    shown = [links[0] + (f" ({links[1][links[1].index('#'):]})" if len(links) > 1 and "#" in links[1] else "")
             for links in results if links]
    return " | ".join(shown) or "nothing found"


def missing_answers(site_dir) -> list[str]:
    """Answers in the data file that the built site does not have (a page, or an id on it)."""
    missing = []
    for entry in QUERIES:
        for answer in entry["answers"]:
            page, _, anchor = answer.partition("#")
            html = site_dir / page / "index.html"
            if not html.is_file() or (anchor and f'id="{anchor}"' not in html.read_text(encoding="utf-8")):
                missing.append(f"{entry['query']}: {answer}")
    return missing


def test_nine_in_ten_realistic_queries_find_their_answer_in_the_first_three_results(page, site_url, site_dir):
    assert len(QUERIES) >= 70
    assert len({entry["query"] for entry in QUERIES}) == len(QUERIES), "a query is listed twice"
    assert all(entry["answers"] and entry["kind"] for entry in QUERIES)
    assert missing_answers(site_dir) == [], "answers the site does not have"
    open_with_search_ready(page, site_url)
    unanswered = []
    for entry in QUERIES:
        results = [[site_path(link, site_url) for link in links]
                   for links in search_results(page, entry["query"])[:FIRST_RESULTS]]
        if not any(is_answer(path, entry["answers"]) for links in results for path in links):
            unanswered.append(f"{entry['query']!r} [{entry['kind']}]: {came_first(results)}")
        page.keyboard.press("Escape")
    answered = len(QUERIES) - len(unanswered)
    share = answered / len(QUERIES)
    assert share >= REQUIRED_SHARE, (
        f"{answered} of {len(QUERIES)} queries answered in the first {FIRST_RESULTS} results "
        f"({share:.1%}; at least {REQUIRED_SHARE:.0%} required). Unanswered, with what came first:\n"
        + "\n".join(unanswered))
    assert page.foreign_requests == []


def test_nonsense_finds_nothing(page, site_url):
    open_with_search_ready(page, site_url)
    found = {}
    for word in NONSENSE:
        links = search(page, word)
        meta = page.inner_text(".md-search-result__meta").strip()
        if links or meta != "Ingen resultater fundet":
            found[word] = (meta, [site_path(link, site_url) for link in links[:FIRST_RESULTS]])
        page.keyboard.press("Escape")
    assert found == {}
