"""Accessibility that axe-core does not see, in Debian's Chromium: keyboard focus on every control,
no tab stop out of sight, wide tables that scroll visibly and by keyboard, targets of 24 × 24 px, and
the phase matrix's heads never broken inside a word. (axe itself runs in test_browser.py.)"""
import markdown
import pytest

from conftest import PROJECT_DIR
from html_tools import expected_page_urls, site_pages
from test_browser import axe_violations
from test_interactive import interactive_states

in_chromium = pytest.mark.browser

PAGES = expected_page_urls(PROJECT_DIR)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# End states only: a part that fades in or slides away is judged where it ends up, at once.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# One page of each kind, for the walks with the Tab key: the front page, a principle (its cards'
# turn buttons), the matrix, the question bank (filters, check boxes, buttons), a form (inputs) and a
# page with a wide table. On a phone, the ones whose layout changes most.
TAB_PAGES = {"desktop": ["", "principper/ressourcer/", "fasematrix/", "refleksionsspoergsmaal/",
                         "skemaer/maal-og-aftaleskema/", "taet/"],
             "phone": ["", "fasematrix/", "refleksionsspoergsmaal/", "taet/"]}


def open_page(page, url, viewport=DESKTOP):
    page.set_viewport_size(viewport)
    page.goto(url, wait_until="load")
    # A constructed style sheet: the site's Content-Security-Policy refuses an added <style>.
    page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                              document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
                  NO_TRANSITIONS)


# --- 1. Keyboard focus is seen on every control (WCAG 2.4.7; 2.4.13's 2 px and 3:1) ------------

FOCUS_LOOK = """() => {
    const PROPS = ['outlineStyle', 'outlineWidth', 'outlineColor', 'outlineOffset', 'boxShadow',
        'borderTopColor', 'borderRightColor', 'borderBottomColor', 'borderLeftColor', 'borderTopWidth',
        'borderBottomWidth', 'backgroundColor', 'color', 'textDecorationLine'];
    const look = e => { const style = getComputedStyle(e); return PROPS.map(p => style[p]); };
    const rgb = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
        const v = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
    const luminance = ([r, g, b]) => { const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const behind = e => { for (let n = e.parentElement; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor); if (c && c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
    const name = e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()
        ? '.' + e.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.') : '')
        + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
    const shown = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility === 'visible');
    // The search box opens the search when it takes focus: it, and what is in it, come last.
    const controls = [...shown.filter(e => !e.closest('.md-search')), ...shown.filter(e => e.closest('.md-search'))];
    const problems = [];
    const looks = new Map(controls.map(e => [e, look(e)]));  // all before any takes focus
    for (const e of controls) {
        const before = looks.get(e);
        e.focus({preventScroll: true});
        if (document.activeElement !== e) { problems.push([name(e), 'takes no focus']); continue; }
        if (!e.matches(':focus-visible')) { problems.push([name(e), 'not :focus-visible after a key press']); continue; }
        const after = look(e), style = getComputedStyle(e);
        if (before.every((value, i) => value === after[i])) { problems.push([name(e), 'looks the same with focus']); continue; }
        if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
            problems.push([name(e), `outline ${style.outlineStyle} ${style.outlineWidth}`]); continue; }
        // The ring must stand out from what is around it: by itself, or by a halo (box-shadow) of
        // at least 2 px between it and the control that does.
        const around = behind(e), ring = rgb(style.outlineColor);
        const halo = rgb((style.boxShadow.match(/rgba?\\([^)]+\\)/) || [null])[0]);
        const spread = parseFloat(style.boxShadow.replace(/rgba?\\([^)]+\\)/, '').trim().split(/\\s+/)[3] || '0');
        const seen = contrast(ring, around) >= 3
            || (halo && spread >= 2 && contrast(halo, around) >= 3 && contrast(ring, halo) >= 3);
        if (!seen) problems.push([name(e), `ring ${style.outlineColor} on rgb(${around.slice(0, 3)}): ${contrast(ring, around).toFixed(2)}:1`]);
    }
    return {count: controls.length, problems};
}"""


@pytest.fixture(scope="module")
def one_page(browser):
    """One page for the many pages of the focus tests: a new one for each would cost more than the
    test itself."""
    context = browser.new_context(viewport=DESKTOP, locale="da-DK")
    yield context.new_page()
    context.close()


def focus_problems(page):
    page.keyboard.press("Shift")  # the last input was a key: focus() then shows as :focus-visible
    result = page.evaluate(FOCUS_LOOK)
    assert result["count"] > 10  # the page's controls were found
    return result["problems"]


@in_chromium
@pytest.mark.parametrize("path", PAGES)
def test_every_control_shows_keyboard_focus(one_page, site_url, path):
    open_page(one_page, site_url + path)
    assert focus_problems(one_page) == []


@in_chromium
@pytest.mark.parametrize("path", ["", "fasematrix/", "refleksionsspoergsmaal/", "metoder/"])
def test_every_control_shows_keyboard_focus_on_a_phone(one_page, site_url, path):
    open_page(one_page, site_url + path, PHONE)
    assert focus_problems(one_page) == []


# --- 2. Every tab stop is seen where it is (WCAG 2.4.7, 2.4.11) ------------------------------

TAB_STOP = """(again) => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const seenBefore = !again && e.dataset.mgTabbed === '1';
    e.dataset.mgTabbed = '1';
    const r = e.getBoundingClientRect();
    let opacity = 1;
    for (let n = e; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
    const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    // Not hidden entirely (2.4.11): the middle or a corner of it is on top.
    const at = (x, y) => document.elementFromPoint(Math.min(Math.max(x, 0), innerWidth - 1), Math.min(Math.max(y, 0), innerHeight - 1));
    const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                    [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    const mine = hit => !!hit && (e.contains(hit) || hit.contains(e) || [...(e.labels || [])].some(l => l.contains(hit)));
    const hit = at(...points[0]);
    const onTop = points.some(([x, y]) => mine(at(x, y)));
    const problems = [];
    if (!inView) problems.push(`box ${[r.x, r.y, r.width, r.height].map(Math.round)}`);
    if (opacity === 0) problems.push('opacity 0');
    if (getComputedStyle(e).visibility !== 'visible') problems.push('visibility hidden');
    if (inView && !onTop) problems.push(`covered by ${hit && hit.tagName.toLowerCase()}.${hit && hit.className}`);
    const name = e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()
        ? '.' + e.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.') : '')
        + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
    return {name, seenBefore, problems};
}"""


def tab_stops(page, key="Tab", limit=400):
    """Tab from the top of the page to its end (or Shift+Tab back); each stop as the browser shows it."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(TAB_STOP, False)
        # The theme opens the search a moment after its box takes focus: give a part time to react.
        for _ in range(10):
            if stop is None or stop["seenBefore"] or not stop["problems"]:
                break
            page.wait_for_timeout(50)
            stop = page.evaluate(TAB_STOP, True)
        if stop is None or stop["seenBefore"]:
            return stops
        stops.append(stop)
    return stops


@in_chromium
@pytest.mark.parametrize("viewport, path", [(v, p) for v, paths in TAB_PAGES.items() for p in paths])
def test_every_tab_stop_is_seen(page, site_url, viewport, path):
    open_page(page, site_url + path, DESKTOP if viewport == "desktop" else PHONE)
    stops = tab_stops(page)
    assert stops[0]["name"].startswith("a.md-skip")  # the first stop is "Gå til indholdet"
    assert 20 < len(stops) < 400  # the walk reached the end of the page
    assert [(stop["name"], stop["problems"]) for stop in stops if stop["problems"]] == []


@in_chromium
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_going_back_no_tab_stop_hides_under_the_header(page, site_url, viewport):
    """Shift+Tab scrolls each control to the top of the screen, where the header stays."""
    open_page(page, site_url + "metoder/", DESKTOP if viewport == "desktop" else PHONE)
    page.keyboard.press("End")
    page.wait_for_function("() => scrollY > 1000")
    stops = tab_stops(page, "Shift+Tab", limit=100)
    assert len(stops) == 100
    assert [(stop["name"], stop["problems"]) for stop in stops if stop["problems"]] == []


# --- 3. Targets of at least 24 × 24 px where axe allows smaller ones (WCAG 2.5.8) ---------------

@in_chromium
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_matrix_links_are_at_least_24_px_square(page, site_url, viewport):
    """axe lets a link in a line of text be small; the matrix's ✓ links are no text (13 × 17 px on a
    phone before). The phone's row of phase links counts too; axe checks the spacing of the rest."""
    open_page(page, site_url + "fasematrix/", DESKTOP if viewport == "desktop" else PHONE)
    links = ".mg-matrix td a" if viewport == "desktop" else ".mg-matrix td a, .mg-matrix thead a"
    assert len(page.query_selector_all(links)) >= 30
    small = page.eval_on_selector_all(links, """links => links
        .filter(a => a.getClientRects().length)
        .map(a => [a.textContent.trim(), a.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([text, r]) => `${text}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`)""")
    assert small == []


@in_chromium
def test_interactive_states_have_no_accessibility_violations_on_a_phone(page, site_url, content):
    """What test_interactive checks at 1280 px (a drawn and turned card, a filtered and picked
    question) and search results, at 360 px, with WCAG 2.2's rules."""
    page.set_viewport_size(PHONE)
    for state in interactive_states(page, site_url, content):
        assert axe_violations(page) == [], state
    page.goto(site_url + "fasematrix/", wait_until="networkidle")
    page.click("label.md-header__button[for=__search]")  # on a phone the search box hides behind it
    page.fill("input.md-search__input", "borgerens drømme")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert axe_violations(page) == []


# --- 4. Wide tables scroll visibly in a box a keyboard can reach (WCAG 1.4.10, 2.1.1) ----------

CUT_TABLES = """() => {
    const problems = [];
    const content = document.querySelector('.md-content');
    const scrolls = e => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX)
        && e.scrollWidth > e.clientWidth + 1;
    content.querySelectorAll('table').forEach((table, index) => {
        // What holds more of the table than it shows: the table itself (the theme's style without its
        // script), a box around it, or nothing, when the table runs off the screen.
        let box = table;
        while (box !== content && !scrolls(box)) box = box.parentElement;
        const offScreen = table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5;
        if (box === content && !offScreen) return;  // the whole table is in sight
        const where = `table ${index + 1} ("${table.rows[0].cells[0].textContent.trim()}" …)`;
        if (box === content || !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
            problems.push(`${where}: cut off, and nothing scrolls`); return; }
        if (box.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            problems.push(`${where}: its scroll box runs off the screen`);
        if (box.tabIndex < 0) problems.push(`${where}: its scroll box takes no keyboard focus`);
        const label = box.getAttribute('aria-labelledby');
        const name = label ? (document.getElementById(label) || {}).textContent : box.getAttribute('aria-label');
        if (box.getAttribute('role') !== 'region' || !(name || '').trim()) problems.push(`${where}: its scroll box is no named region`);
        if ((getComputedStyle(box).backgroundImage.match(/gradient/g) || []).length < 2)
            problems.push(`${where}: its scroll box shows no shadow at the cut`);
    });
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
        problems.push(`the page is ${document.documentElement.scrollWidth - document.documentElement.clientWidth} px too wide`);
    return problems;
}"""


@in_chromium
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_no_table_is_cut_off_on_a_phone(browser, site_dir, site_url, javascript):
    """Every page with a table, at 360 px: a table wider than the screen scrolls in a box that is
    focusable, a named region and shows a shadow where it is cut; the page itself is not wider."""
    pages = [p.relative_to(site_dir).as_posix().removesuffix("index.html")
             for p in site_pages(site_dir) if "<table" in p.read_text(encoding="utf-8")]
    assert "metoder/" in pages and "taet/" in pages
    context = browser.new_context(viewport=PHONE, locale="da-DK", java_script_enabled=javascript)
    page = context.new_page()
    problems = {}
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        if found := page.evaluate(CUT_TABLES):
            problems[path] = found
    context.close()
    assert problems == {}


def to_html(text):
    return markdown.markdown(text, extensions=["tables", "toc", "md_in_html", "metodeguide.tables"])


def test_every_markdown_table_gets_a_named_focusable_scroll_box():
    table = "| Kode | Punkt |\n|---|---|\n| D1 | Et dilemma |\n"
    assert ('<div aria-labelledby="koder" class="mg-table-scroll" role="region" tabindex="0"><table>'
            in to_html(f"# Koder\n\nTekst.\n\n{table}"))
    # No heading above it: the column heads name it.
    assert ('<div aria-label="Kode, Punkt" class="mg-table-scroll" role="region" tabindex="0"><table>'
            in to_html(table))
    # A table with a design of its own (the phase matrix) is left alone.
    matrix = to_html('## Fasematrix\n\n<table class="mg-matrix" markdown="1">\n<tr markdown="1">\n'
                     '<td markdown="span">[✓](#x)</td>\n</tr>\n</table>\n')
    assert "mg-table-scroll" not in matrix and '<table class="mg-matrix">' in matrix


# --- 5. The phase matrix's heads are never broken inside a word ---------------------------------

SPLIT_WORDS = """() => {
    const split = [];
    const seen = th => th.getBoundingClientRect().width > 1;  // not the phone's visually hidden "Princip"
    for (const th of [...document.querySelectorAll('.mg-matrix thead th')].filter(seen)) {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) split.push(`${word[0]} (${lines.size} lines)`);
            }
        }
    }
    const table = document.querySelector('.mg-matrix');
    const overflow = table.getBoundingClientRect().right - table.parentElement.getBoundingClientRect().right;
    return {split, overflow: Math.max(0, Math.round(overflow)),
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@in_chromium
@pytest.mark.parametrize("width", [768, 900, 1024, 1280, 1440, 1920, "print"])
def test_the_matrix_heads_never_break_inside_a_word(page, site_url, width):
    if width == "print":
        page.emulate_media(media="print")
        open_page(page, site_url + "fasematrix/", {"width": 673, "height": 950})  # A4 less margins
    else:
        open_page(page, site_url + "fasematrix/", {"width": width, "height": 900})
    assert page.evaluate(SPLIT_WORDS) == {"split": [], "overflow": 0, "page": 0}
