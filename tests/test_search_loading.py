"""In Debian's Chromium: search costs nothing until the reader starts to search.

The search index, Material's search worker (with our Danish wrapper) and lunr's stemmer are
requested only when the reader focuses the search field, presses a search label or key, or opens
a search link; then once each, and the first query typed at once gets results.
"""
import re

import pytest

pytestmark = pytest.mark.browser

PRINCIPLE = "principper/haab-oensker-droemme/"
IDLE_MILLISECONDS = 3000
QUERY = "håbet"
# What search downloads, by the part of the address that names it.
SEARCH_FILES = {
    "index": re.compile(r"/search/search_index\.json$"),
    "worker": re.compile(r"/workers/search\.[^/]*\.js$"),
    "danish worker": re.compile(r"/workers/danish-search-worker\.js(\?|$)"),
    "lunr": re.compile(r"/lunr/"),
}


def record_search_requests(page) -> dict[str, list[str]]:
    requested = {name: [] for name in SEARCH_FILES}

    def note(request):
        for name, pattern in SEARCH_FILES.items():
            if pattern.search(request.url):
                requested[name].append(request.url)

    page.on("request", note)
    return requested


def open_idle(page, url) -> dict[str, list[str]]:
    requested = record_search_requests(page)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(IDLE_MILLISECONDS)
    return requested


def wait_for_results(page) -> list[str]:
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__list > .md-search-result__item').length > 0")
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")


def assert_loaded_once(requested):
    assert {name: len(urls) for name, urls in requested.items()} == {
        "index": 1, "worker": 1, "danish worker": 1, "lunr": 2}  # lunr: stemmer support and lunr.da
    assert sorted(url.rsplit("/", 1)[1] for url in requested["lunr"]) == [
        "lunr.da.min.js", "lunr.stemmer.support.min.js"]


def test_a_page_downloads_nothing_for_search_until_the_field_is_focused(page, site_url):
    requested = open_idle(page, site_url + PRINCIPLE)
    assert requested == {name: [] for name in SEARCH_FILES}
    # Typed at once after focus: the query waits for the index and still gets its results.
    page.focus("input.md-search__input")
    page.keyboard.type(QUERY)
    results = wait_for_results(page)
    assert any(PRINCIPLE in link for link in results[:3]), results
    page.wait_for_timeout(500)
    assert_loaded_once(requested)
    assert page.foreign_requests == []


def test_the_keyboard_shortcut_starts_search(page, site_url):
    requested = open_idle(page, site_url + PRINCIPLE)
    assert requested["index"] == []
    page.keyboard.press("s")
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.type(QUERY)
    assert any(PRINCIPLE in link for link in wait_for_results(page)[:3])
    assert_loaded_once(requested)


def test_the_search_button_starts_search_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    requested = open_idle(page, site_url + PRINCIPLE)
    assert requested["index"] == []
    page.click("header label[for='__search']")
    page.keyboard.type(QUERY)
    assert any(PRINCIPLE in link for link in wait_for_results(page)[:3])
    assert_loaded_once(requested)


def test_a_search_link_opens_with_its_results(page, site_url):
    page.goto(site_url + PRINCIPLE + "?q=" + QUERY)
    assert any(PRINCIPLE in link for link in wait_for_results(page)[:3])


def test_a_result_still_highlights_the_words_searched_for(page, site_url):
    page.goto(site_url + PRINCIPLE + "?h=håb")
    page.wait_for_selector("article mark[data-md-highlight]")


def test_other_requests_are_not_held_back(page, site_url):
    """Only the index waits: any other XMLHttpRequest goes out at once."""
    requested = open_idle(page, site_url + PRINCIPLE)
    status = page.evaluate("""() => new Promise(resolve => {
        const request = new XMLHttpRequest();
        request.open("GET", "../../sitemap.xml");
        request.onload = () => resolve(request.status);
        request.send();
    })""")
    assert status == 200
    assert requested["index"] == []


def test_once_search_has_started_it_keeps_working_offline(page, site_url):
    """A caseworker in a citizen's home may lose the connection after opening the guide."""
    page.goto(site_url + PRINCIPLE)
    page.focus("input.md-search__input")
    page.keyboard.type(QUERY)
    wait_for_results(page)
    page.context.set_offline(True)
    page.fill("input.md-search__input", "")
    page.keyboard.type("netvaerkskort")          # typed without æ, and the network gone
    page.keyboard.press("End")
    page.wait_for_function("""() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
        .some(a => a.href.includes('netvaerkskort'))""")
