"""Every page type printed from Chromium on A4: within its budget of pages, without the site's header,
navigation, search or footer, nothing wider than the paper, every external link's address on the paper,
and no card, question, table or figure split over two pages.

Not here: a form page (test_forms_browser.py prints each form on its budget of pages), a kit page
(test_programme.py) and the planner, which prints its own print-outs (test_planner.py).
"""
import io
import math
import re

import markdown
import pytest
from pypdf import PdfReader

in_chromium = pytest.mark.browser

# How many A4 pages each page type prints on, as measured when the print style sheet was last worked
# on. A page may print on 30 % fewer or more (content grows); outside that, something in the layout
# changed: look at the print before moving the number.
PRINTED_PAGES = {
    "": 3,                                   # the front page
    "principper/haab-oensker-droemme/": 5,   # a principle
    "faser/opfoelgning/": 5,                 # a case phase
    "fasematrix/": 2,
    "dilemmaer/": 11,                        # every card with its advice
    "refleksionsspoergsmaal/": 3,            # the question bank
    "metoder/": 13,
    "ordliste/": 9,
    "kilder/": 2,
    "taet/": 13,
    "taet/evaluering/": 8,                   # with its charts
    "samarbejdsmodellen/": 16,
    "ledere/": 6,
    "k/": 8,                                 # the short codes
}
A4 = (595.3, 841.9)  # points; Chromium rounds A4 to whole hundredths of an inch
PRINTABLE = {"width": 673, "height": 950}   # A4 less the style sheet's 16 mm side margins, at 96 dpi
PAGE_HEIGHT = 986                           # px: A4 less the 18 mm top and bottom margins
# The site's own parts, which paper does without.
CHROME = ".md-header, .md-sidebar, .md-search, .md-footer, .md-top, .md-skip"


def pages_budget(expected):
    return math.floor(expected * 0.7), math.ceil(expected * 1.3)


def open_for_print(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    page.set_viewport_size(PRINTABLE)


def printed(page):
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def one_line(text):
    return " ".join(text.split())


def no_spaces(text):
    return "".join(text.split())


# The texts of the site's header, navigation, search and footer that the page's own content does not
# hold (the front page's title is the site's name, a page's headings are its table of contents).
CHROME_TEXTS = """(chrome) => {
    const oneLine = text => text.replace(/\\s+/g, ' ').trim();
    const article = oneLine(document.querySelector('article').textContent);
    const texts = new Set();
    for (const root of document.querySelectorAll(chrome)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            if (node.parentElement.closest('script, style')) continue;
            texts.add(oneLine(node.data));
        }
        root.querySelectorAll('[placeholder]').forEach(e => texts.add(oneLine(e.placeholder)));
    }
    return [...texts].filter(t => t.length >= 3 && /\\p{L}/u.test(t) && !article.includes(t));
}"""

# Every external link the printed page shows.
EXTERNAL_LINKS = """() => [...document.querySelectorAll('article a[href^="http"]')]
    .filter(a => a.getClientRects().length).map(a => ({href: a.href, text: a.textContent.trim()}))"""


@in_chromium
@pytest.mark.parametrize("path", PRINTED_PAGES)
def test_page_prints_on_its_budget_of_a4_pages_without_the_site_around_it(page, site_url, path):
    open_for_print(page, site_url + path)
    chrome = page.evaluate(CHROME_TEXTS, CHROME)
    assert len(chrome) > 10   # the navigation was found
    pdf = printed(page)
    low, high = pages_budget(PRINTED_PAGES[path])
    assert low <= len(pdf.pages) <= high, f"{len(pdf.pages)} pages, budget {PRINTED_PAGES[path]}"
    assert all(abs(float(p.mediabox.width) - A4[0]) < 2 and abs(float(p.mediabox.height) - A4[1]) < 2
               for p in pdf.pages)
    text = one_line(" ".join(p.extract_text() for p in pdf.pages))
    assert [t for t in chrome if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text)] == []


@in_chromium
@pytest.mark.parametrize("path", PRINTED_PAGES)
def test_every_external_link_prints_its_address_once(page, site_url, path):
    open_for_print(page, site_url + path)
    links = page.evaluate(EXTERNAL_LINKS)
    text = no_spaces(" ".join(p.extract_text() for p in printed(page).pages))
    for link in links:
        assert no_spaces(link["href"]) in text, link   # a long address may break over lines
        assert f"{link['href']}({link['href']})" not in text, link


@in_chromium
def test_a_named_external_link_prints_its_address_after_its_text_and_an_internal_one_none(page, site_url):
    open_for_print(page, site_url + "kilder/")
    page.evaluate("""() => document.querySelector('article h1').insertAdjacentHTML('afterend',
        '<p id="proeve">Se <a href="https://www.vive.dk/da/udgivelser/">VIVEs udgivelser</a> og '
        + '<a href="../ordliste/">ordlisten</a>.</p>')""")
    text = one_line(printed(page).pages[0].extract_text())
    assert "Se VIVEs udgivelser (https://www.vive.dk/da/udgivelser/) og ordlisten." in text


# In print media at the printable width: the page, and every table, figure, card, picture and
# code block, no wider than the paper and its container; nothing cut off inside a box that hides
# what overflows it (paper cannot scroll). Screen-reader-only text is clipped on purpose.
CLIPPED = """() => {
    const problems = [];
    const html = document.documentElement;
    if (html.scrollWidth > html.clientWidth) problems.push(`page ${html.scrollWidth} > ${html.clientWidth}`);
    const article = document.querySelector('article').getBoundingClientRect();
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    const shown = e => e.getClientRects().length && !e.closest('.mg-sr-only');
    for (const e of document.querySelectorAll('article :is(table, figure, svg, img, pre, .mg-card, .mg-question, .grid.cards > ul > li)')) {
        if (!shown(e)) continue;
        const box = e.getBoundingClientRect(), parent = e.parentElement.getBoundingClientRect();
        if (box.width > parent.width + 1 || box.left < article.left - 1 || box.right > article.right + 1) {
            problems.push(`${name(e)} ${Math.round(box.width)} px in ${Math.round(parent.width)} px`);
        }
    }
    for (const e of document.querySelectorAll('article, article *')) {
        if (!shown(e)) continue;
        const style = getComputedStyle(e);
        if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} cut off at the side`);
        if (style.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} cut off below`);
    }
    return problems;
}"""


@in_chromium
@pytest.mark.parametrize("path", PRINTED_PAGES)
def test_nothing_is_wider_than_the_paper_or_cut_off(page, site_url, path):
    open_for_print(page, site_url + path)
    assert page.evaluate(CLIPPED) == []


# The cards, questions (the question bank's, and every coded item in a list), the front page's cards, the
# tables and the figures: each gets a tiny mark at its top and one at its bottom (absolutely
# positioned, so nothing moves), and the printed PDF tells on which page each mark landed. A table
# longer than a page may break, between its rows: then each row is a unit. Each unit's style must
# also ask not to be broken, so a split that the present content happens to miss is found too.
UNITS = """.mg-card, .mg-question, li:has(> .mg-code), .grid.cards > ul > li, figure, table"""
MARK_UNITS = """([selector, pageHeight]) => {
    const found = [];
    for (const e of document.querySelectorAll('article :is(' + selector + ')')) {
        if (!e.getClientRects().length) continue;
        if (e.tagName === 'TABLE' && e.getBoundingClientRect().height > pageHeight) found.push(...e.rows);
        else found.push(e);
    }
    const mark = (holder, token, edge) => {
        const span = document.createElement('span');
        span.textContent = token;
        span.style.cssText = `position: absolute; left: 0; ${edge}: 0; font: 4px/1 sans-serif; color: #000;
            white-space: nowrap; text-transform: none; letter-spacing: 0;`;
        if (getComputedStyle(holder).position === 'static') holder.style.position = 'relative';
        holder.append(span);
    };
    const cells = e => e.tagName === 'TABLE' ? [e.rows[0].cells[0], [...e.rows].at(-1).cells[[...e.rows].at(-1).cells.length - 1]]
                     : e.tagName === 'TR' ? [e.cells[0], e.cells[e.cells.length - 1]] : [e, e];
    const units = found.map(e => ({name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' '
                                         + e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60),
                                   breakInside: getComputedStyle(e).breakInside}));
    found.forEach((e, i) => {
        const [first, last] = cells(e);
        const number = String(i).padStart(4, '0');
        mark(first, `QXS${number}`, 'top');
        mark(last, `QXE${number}`, 'bottom');
    });
    return units;
}"""
SPLIT_PAGES = ["", "principper/haab-oensker-droemme/", "faser/opfoelgning/", "fasematrix/", "dilemmaer/",
               "refleksionsspoergsmaal/", "metoder/", "taet/", "taet/evaluering/", "k/"]


@in_chromium
@pytest.mark.parametrize("path", SPLIT_PAGES)
def test_no_card_question_table_or_figure_is_split_over_two_pages(page, site_url, path):
    open_for_print(page, site_url + path)
    units = page.evaluate(MARK_UNITS, [UNITS, PAGE_HEIGHT])
    assert units   # the page has what this test is about
    assert [u["name"] for u in units if u["breakInside"] not in ("avoid", "avoid-page")] == []
    landed = {}
    for number, sheet in enumerate(printed(page).pages, start=1):
        for edge, unit in re.findall(r"QX([SE])(\d{4})", sheet.extract_text()):
            landed.setdefault(int(unit), {})[edge] = number
    assert [u["name"] for i, u in enumerate(units) if len(landed.get(i, {})) < 2] == []   # every mark found
    split = {units[i]["name"]: f"pages {pages['S']}–{pages['E']}" for i, pages in landed.items()
             if pages["S"] != pages["E"]}
    assert split == {}


# The build marks a link whose text is its own address (metodeguide/links.py), so print does not
# write the address twice; a link with a name of its own, or within the guide, is left alone.
def test_a_link_whose_text_is_its_address_is_marked_at_build():
    html = markdown.markdown(
        "Se <https://www.vive.dk/da/>, https://sbst.dk/udgivelser/ og www.vive.dk/da "
        "og [VIVE](https://www.vive.dk/da/) og [kilderne](../kilder/).\n\n"
        '<div markdown="1">\nOgså her: https://socialstyrelsen.dk/recovery\n</div>\n',
        extensions=["md_in_html", "pymdownx.magiclink", "metodeguide.links"])
    assert html.count('class="mg-bare-link"') == 4, html
    assert '<a href="https://www.vive.dk/da/">VIVE</a>' in html and '<a href="../kilder/">kilderne</a>' in html
