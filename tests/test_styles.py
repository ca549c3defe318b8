"""The site's style sheet against the built pages (selectors matched by Chromium): every selector
matches an element of some page, as built or in a state the scripts create, so no dead rule stays
behind; every custom property it uses is defined."""
import re

import pytest

from conftest import PROJECT_DIR

pytestmark = pytest.mark.browser

CSS = PROJECT_DIR / "docs" / "stylesheets" / "metodeguide.css"
SCRIPTS = PROJECT_DIR / "docs" / "assets" / "javascripts"

# What the scripts do to a page, by the script that does it: the test checks that each script still
# names the class or attribute, and STATES below puts it on the pages before matching.
MADE_BY_SCRIPTS = {
    "enhance.js": ["mg-js", "mg-filtering", "data-mg-ready", "data-mg-broken"],
    "modules/filters.js": ["hidden"],
    "modules/card-draw.js": ["mg-card--drawn", "mg-card--turned"],
    "modules/question-list.js": ["mg-print-picked", "hidden", "mg-sr-only"],
    "modules/planner.js": ["mg-planner-texts", "data-print-view", "data-row-template", "data-library-template",
                           "data-material", "data-fit", "data-mg-print"],
    # Material's bundle wraps plain tables, and marks the words found in search results.
    "bundle": ["md-typeset__scrollwrap", "md-typeset__table", "mark"],
}

# Each page four ways: as built (no JavaScript), with every module working, with every module broken,
# and working while the planner prints its facilitator's guide.
STATES = """(html, state) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    if (state === 'built') { return doc; }
    const roots = [...doc.querySelectorAll('[data-mg-module]')];
    doc.documentElement.classList.add('mg-js');
    if (state === 'broken') {
        roots.forEach(r => r.setAttribute('data-mg-broken', ''));
        return doc;
    }
    doc.documentElement.classList.add('mg-filtering', 'mg-print-picked');
    if (state === 'printing') { doc.documentElement.setAttribute('data-mg-print', 'facilitator'); }
    roots.forEach(r => r.setAttribute('data-mg-ready', ''));
    for (const selector of ['[data-item]', '[data-group]', '[data-empty]']) {
        const first = doc.querySelector(selector);
        if (first) { first.hidden = true; }
    }
    const card = doc.querySelector('.mg-card');
    if (card) { card.classList.add('mg-card--drawn', 'mg-card--turned'); }
    const list = doc.querySelector('[data-list]');
    if (list) { const item = doc.createElement('li'); item.innerHTML = '<span class="mg-picked__principle"></span>'; list.append(item); }
    const helper = doc.createElement('textarea');
    helper.className = 'mg-sr-only';
    doc.body.append(helper);
    for (const table of doc.querySelectorAll('.md-typeset table:not([class])')) {
        const wrap = doc.createElement('div'), inner = doc.createElement('div');
        wrap.className = 'md-typeset__scrollwrap';
        inner.className = 'md-typeset__table';
        table.replaceWith(wrap);
        wrap.append(inner);
        inner.append(table);
    }
    const texts = doc.getElementById('mg-planner-texts');   // the planner: a row, a library item, print-outs
    if (texts) {
        const holder = doc.createElement('template');
        holder.innerHTML = texts.textContent;
        const planner = doc.querySelector('[data-mg-module=planner]');
        holder.content.querySelectorAll('[data-print-view]').forEach(view => planner.append(view));
        const copy = selector => holder.content.querySelector(selector).content.cloneNode(true);
        planner.querySelector('.mg-planner__list').append(copy('[data-row-template]'));
        planner.querySelector('.mg-planner__library-list').append(copy('[data-library-template]'));
        holder.content.querySelectorAll('template[data-material]').forEach(material =>
            planner.querySelector('[data-print-materials]').append(material.content.cloneNode(true)));
        planner.querySelectorAll('[data-print-rows]').forEach(rows => { rows.innerHTML = '<tr><td></td><td></td></tr>'; });
        planner.querySelector('[data-summary]').dataset.fit = 'over';
    }
    const results = doc.querySelector('.md-search-result__list');
    if (results) { results.innerHTML = '<li class="md-search-result__item"><mark>ord</mark><nav class="md-tags"><span class="md-tag">FIT</span></nav></li>'; }
    return doc;
}"""

UNMATCHED = """async ([pages, selectors, states]) => {
    const toDoc = eval(states);
    const docs = [];
    for (const page of pages) {
        const html = await (await fetch(page)).text();
        for (const state of ['built', 'working', 'broken', 'printing']) { docs.push(toDoc(html, state)); }
    }
    return selectors.filter(([selector, probe]) => !docs.some(doc => doc.querySelector(probe)));
}"""


def style_rules(text):
    """Every selector of every style rule, with the at-rules it sits in (@page is left out)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    found = []

    def walk(block, context):
        position = 0
        while (opening := block.find("{", position)) >= 0:
            prelude, depth, end = block[position:opening].strip(), 1, opening + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(block[end], 0)
                end += 1
            if prelude.startswith(("@media", "@supports")):
                walk(block[opening + 1:end - 1], context + [prelude])
            elif not prelude.startswith("@"):
                found.extend((" ".join(context), selector.strip()) for selector in prelude.split(","))
            position = end

    walk(text, [])
    return found


def probe(selector):
    """The selector without what depends on the pointer, focus or the address' #anchor, or draws no
    element of its own (":has(:focus-visible)" goes too; a bare ":focus-visible" may match any
    element: "*")."""
    selector = re.sub(r"::?(before|after)|:(hover|focus-visible|focus|active|target)\b", "", selector)
    while re.search(r":(has|not)\(\s*\)", selector):
        selector = re.sub(r":(has|not)\(\s*\)", "", selector)
    return selector.strip() or "*"


def test_every_state_the_style_sheet_expects_is_made_by_a_script(site_dir):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    for script, names in MADE_BY_SCRIPTS.items():
        source = bundle if script == "bundle" else (SCRIPTS / script).read_text(encoding="utf-8")
        assert [name for name in names if name not in source] == [], script


def test_every_selector_matches_something_on_a_built_page(page, site_dir, site_url):
    pages = [site_url + p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*.html"))]
    rules = style_rules(CSS.read_text(encoding="utf-8"))
    assert len(rules) > 100  # the reader really found the rules
    page.goto(site_url)
    unmatched = page.evaluate(UNMATCHED, [pages, [(s, probe(s)) for _, s in rules], STATES])
    assert [selector for selector, _ in unmatched] == []


def test_every_custom_property_used_is_defined():
    text = CSS.read_text(encoding="utf-8")
    defined = set(re.findall(r"(--mg-[\w-]+)\s*:", text))
    used = set(re.findall(r"var\((--mg-[\w-]+)", text))
    assert used - defined == set() and defined - used == set()
