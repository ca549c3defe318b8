"""In Debian's Chromium: Danish search, accessibility (axe-core) and no third-party requests."""

import pytest

from conftest import PROJECT_DIR, policy_violations
from html_tools import expected_page_urls

pytestmark = pytest.mark.browser

AXE = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe tags 2.2's new rules, such as target-size, wcag22aa).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Inflected forms that Material's own search misses, and the principle each must find.
INFLECTED_QUERIES = {
    "drømmen": "haab-oensker-droemme",
    "drømmene": "haab-oensker-droemme",
    "håbet": "haab-oensker-droemme",
    "ønskerne": "haab-oensker-droemme",
    "ressourcerne": "ressourcer",
    "netværket": "netvaerk-faellesskaber",
    "fællesskaberne": "netvaerk-faellesskaber",
    "åbenheden": "aabenhed-tillid-respekt",
    "tilliden": "aabenhed-tillid-respekt",
    "opfølgningen": "foelg-op",
    "koordineringen": "koordineret-livssituation",
    "metoderne": "viden-og-metoder",
}
FIRST_RESULTS = 3
# A glossary word or a method's name also occurs all over the guide, and some are also the name of
# a case phase with a page of its own ("opfølgning"). The entry must still be on the first screen
# of results: six at 1280×900.
FIRST_RESULTS_FOR_NAMES = 6


def open_with_search_ready(page, url):
    """Go to a page and wait until its search index answers (a cold worker can briefly find nothing)."""
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta') !== null")
    for _ in range(20):
        if search(page, "borger"):
            return
        page.wait_for_timeout(250)
    raise AssertionError("the search index never answered")


def search(page, query):
    """Type a query into Material's search and return the result links, best first."""
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")  # start from no results, so old ones are not read
    page.keyboard.press("End")
    page.wait_for_function(
        "() => /Start søgning|Indtast søgeord/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material listens for keyup; typing æøå alone may not fire it
    page.wait_for_function(
        "() => !/Start søgning|Indtast søgeord/.test(document.querySelector('.md-search-result__meta').textContent)")
    # The count comes first and the results are drawn after it: wait until the first few are there.
    page.wait_for_function("""() => {
        const count = parseInt(document.querySelector('.md-search-result__meta').textContent, 10) || 0;
        return document.querySelectorAll('.md-search-result__list > .md-search-result__item').length
            >= Math.min(count, 6);
    }""")
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")


def search_results(page, query):
    """Every link of every result (the page and its sections), grouped by result, best first."""
    search(page, query)
    return page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href.replace(/\\?h=[^#]*/, '')))")


def misses(page, site_url, expected: dict[str, str]) -> dict[str, list]:
    """Queries whose expected link is not among the first results."""
    open_with_search_ready(page, site_url)
    missing = {}
    for query, wanted in expected.items():
        results = search_results(page, query)[:FIRST_RESULTS_FOR_NAMES]
        if not any(wanted in link for links in results for link in links):
            missing[query] = results
        page.keyboard.press("Escape")
    return missing


def axe_violations(page):
    # A fade still running (the theme's header title, after a click scrolls the page) would be
    # measured half-way, with too little contrast: every running transition is brought to its end.
    # (One that repeats for ever has no end and is left as it is.)
    page.evaluate("""() => document.getAnimations()
        .filter(animation => animation.effect.getComputedTiming().endTime !== Infinity)
        .forEach(animation => animation.finish())""")
    # Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.mark.parametrize("query, principle", INFLECTED_QUERIES.items())
def test_search_finds_the_principle_from_an_inflected_word(page, site_url, query, principle):
    open_with_search_ready(page, site_url)
    pages = [links[0] for links in search_results(page, query)[:FIRST_RESULTS]]  # a page each
    assert any(f"/principper/{principle}/" in link for link in pages), pages
    assert page.foreign_requests == []


def test_search_finds_every_method_and_tool_by_its_name(page, site_url, content):
    expected = {tool.name: f"/metoder/#{tool.id}" for tool in content.tools}
    assert sorted(misses(page, site_url, expected)) == []
    assert page.foreign_requests == []


def test_search_finds_every_glossary_term(page, site_url, content):
    expected = {term.term: f"/ordliste/#{term.id}" for term in content.glossary.terms}
    assert sorted(misses(page, site_url, expected)) == []


def test_search_for_nonsense_finds_nothing(page, site_url):
    open_with_search_ready(page, site_url)
    assert search(page, "xyzzyqvark") == []
    assert page.inner_text(".md-search-result__meta").strip() == "Ingen resultater fundet"


@pytest.mark.parametrize("path", expected_page_urls(PROJECT_DIR))
def test_page_is_accessible_valid_under_the_policy_and_loads_nothing_from_elsewhere(page, site_url, path):
    """Every page, served by nginx with deploy/nginx.conf: no axe violation, no request to another
    host, no Content-Security-Policy violation and no console error."""
    assert page.goto(site_url + path, wait_until="networkidle").status == 200
    assert axe_violations(page) == []
    assert page.foreign_requests == []
    assert policy_violations(page) == []
    assert page.console_errors == []


# Pages whose layout changes on a phone: the matrix, the cards, the question bank, a principle, a
# phase, a form, and the pages with wide tables.
PHONE_PAGES = ["fasematrix/", "dilemmaer/", "refleksionsspoergsmaal/", "principper/ressourcer/",
               "faser/sagsaabning/", "skemaer/maal-og-aftaleskema/", "metoder/", "taet/", "k/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_page_has_no_accessibility_violations_on_a_phone(page, site_url, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page) == []


def test_no_accessibility_violations_with_search_results_open(page, site_url):
    open_with_search_ready(page, site_url + "fasematrix/")
    assert search(page, "borgerens drømme")
    assert axe_violations(page) == []


def test_matrix_reads_on_a_phone(page, site_url, content):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "fasematrix/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    visible_cells = page.eval_on_selector_all(
        "td.mg-matrix__cell", "cells => cells.filter(c => c.offsetParent !== null).length")
    assert visible_cells == sum(len(p.phases) for p in content.principles)


def test_charts_follow_the_system_colours_in_high_contrast_mode(page, site_url):
    """In Windows high contrast (forced colours) the chart's text and bars take the user's colours."""
    page.emulate_media(forced_colors="active")
    page.goto(site_url + "taet/evaluering/")
    colours = page.evaluate("""() => {
        const probe = (cls) => getComputedStyle(document.querySelector(cls)).fill;
        const swatch = (name) => { const e = document.createElement('span'); e.style.color = name;
            document.body.append(e); const c = getComputedStyle(e).color; e.remove(); return c; };
        return {label: probe('.mg-chart__label'), value: probe('.mg-chart__value'), bar: probe('.mg-chart__bar'),
                text: swatch('CanvasText'), highlight: swatch('Highlight')};
    }""")
    assert colours["label"] == colours["value"] == colours["text"]
    assert colours["bar"] == colours["highlight"]


def test_a_short_address_takes_the_browser_to_its_item(page, site_url):
    page.goto(site_url + "k/d3-2/")
    page.wait_for_url("**/principper/netvaerk-faellesskaber/#dilemma-mangler-energi")
    assert page.locator("#dilemma-mangler-energi").is_visible()
    assert page.foreign_requests == []
