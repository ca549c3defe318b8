"""The forms in Debian's Chromium: filled on screen, printed on A4, accessible, and private."""
import io

import pytest
from pypdf import PdfReader

from html_tools import hidden_texts, normalise, site_pages
from metodeguide.form_fields import field_names
from test_browser import axe_violations

pytestmark = pytest.mark.browser

# How many A4 pages each form prints on from the browser: a layout budget. Citizen forms stay short
# and calm; a change that makes one longer should be a decision, so it fails here first.
PRINTED_PAGES = {
    "samarbejde": 3,
    "feedback-efter-moedet": 2,
    "forberedelse-haab-oensker-droemme": 3,
    "netvaerkskort": 2,
    "maal-og-aftaleskema": 2,
    "perspektivskifte": 3,
}
TYPED = "Min søster Åse må gerne være med – på Ærø"
PHONE = {"width": 360, "height": 740}
# On a 360 px phone a field takes the width of the screen, less the page's and the group's margins:
# 250 px holds about 30 characters of the 16 px type, a sentence's worth of words per line (the
# table cells were 38 to 88 px, so words broke in the middle and text scrolled out of sight).
MIN_PHONE_FIELD_WIDTH = 250


def fill_everything(page, form):
    """Type in every text box, tick the first choice of every question and one "andet"."""
    for field in form.fields():
        base = f"{form.id}-{field.id}"
        if field.kind in ("short_text", "long_text"):
            page.fill(f"#{base}", TYPED)
        elif field.kind == "table":
            page.fill(f"#{base}-1-1", TYPED)
        else:
            page.check(f"#{base}-1")
            if field.other:
                page.fill(f"#{base}-andet-tekst", TYPED)


def test_every_form_has_a_budgeted_print_length(content):
    assert set(PRINTED_PAGES) == {f.id for f in content.forms}


@pytest.mark.parametrize("form_id", sorted(PRINTED_PAGES))
def test_form_prints_on_a4_empty_and_filled_with_what_was_typed(page, site_url, content, form_id):
    form = next(f for f in content.forms if f.id == form_id)
    page.goto(site_url + f"skemaer/{form_id}/")
    page.emulate_media(media="print")
    empty = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(empty.pages) == PRINTED_PAGES[form_id]
    a4 = (595.3, 841.9)  # points; Chromium rounds A4 to whole hundredths of an inch
    assert all(abs(float(p.mediabox.width) - a4[0]) < 2 and abs(float(p.mediabox.height) - a4[1]) < 2
               for p in empty.pages)
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.mg-form-about']
        .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none').length""")
    assert hidden == 0
    page.emulate_media(media="screen")
    fill_everything(page, form)
    page.emulate_media(media="print")
    filled = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(filled.pages) == PRINTED_PAGES[form_id]
    assert "Åse må gerne" in " ".join(p.extract_text() for p in filled.pages)


def test_filling_in_a_form_sends_nothing_and_enter_submits_nothing(page, site_url, content):
    for form in content.forms:
        url = site_url + f"skemaer/{form.id}/"
        page.goto(url, wait_until="networkidle")
        requests = []

        def record(request, requests=requests):
            requests.append(request.url)
        page.on("request", record)
        fill_everything(page, form)
        page.focus(f"#{form.id}-navn")
        page.keyboard.type("Åse")
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
        page.remove_listener("request", record)
        assert page.url == url and requests == [], (form.id, requests)
    assert page.foreign_requests == []


def test_filled_forms_have_no_accessibility_violations(page, site_url, content):
    for form in content.forms:
        page.goto(site_url + f"skemaer/{form.id}/")
        fill_everything(page, form)
        assert axe_violations(page) == [], form.id


def test_the_print_button_prints(page, site_url):
    page.goto(site_url + "skemaer/samarbejde/")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("[data-print-form]")
    assert page.evaluate("() => window.printed === true")


@pytest.mark.parametrize("form_id", sorted(PRINTED_PAGES))
def test_print_button_above_the_form_and_at_its_end_both_print(page, site_url, form_id):
    """Where a person finishes filling in there is "Udskriv skemaet" too, the same button."""
    page.goto(site_url + f"skemaer/{form_id}/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    buttons = page.locator("[data-print-form]")
    assert buttons.count() == 2
    assert buttons.nth(0).inner_text() == buttons.nth(1).inner_text()
    assert page.evaluate("""() => { const [top, end] = document.querySelectorAll('[data-print-form]');
        const form = document.querySelector('.mg-form');
        return !!(top.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING)
            && !!(form.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    for number in range(2):
        buttons.nth(number).click()
        assert page.evaluate("() => window.printed") == number + 1
    page.emulate_media(media="print")
    assert page.evaluate("""() => [...document.querySelectorAll('[data-print-form]')]
        .filter(b => b.getClientRects().length).length""") == 0   # neither is printed


def pages_with_screen_reader_text(site_dir) -> dict[str, list[str]]:
    """Every built page with text only a screen reader should hear (.mg-sr-only), and that text."""
    found = {}
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        texts = hidden_texts(html, {"mg-sr-only"}) if "mg-sr-only" in html else []
        if texts:   # (a script's inert HTML, such as the planner's print texts, has none to see)
            found[path.relative_to(site_dir).parent.as_posix() + "/"] = texts
    return found


def test_printed_pages_show_no_text_meant_for_screen_readers(page, site_url, site_dir):
    """A form's "Andet" line (and the phase matrix's cells) say more to a screen reader than they
    show; on paper that text must not appear, neither to see nor in the printed PDF's text."""
    pages = pages_with_screen_reader_text(site_dir)
    assert "skemaer/samarbejde/" in pages
    for path, texts in pages.items():
        page.goto(site_url + path)
        page.emulate_media(media="print")
        printed = normalise(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages))
        assert texts and [text for text in texts if text in printed] == [], path


# --- Leaving a filled-in form: the browser asks first ------------------------------------------

def leave(page, site_url) -> list[str]:
    """Go to the forms overview; return the dialogs the browser showed on the way (each accepted)."""
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.accept()
    page.on("dialog", answer)
    page.goto(site_url + "skemaer/")
    page.remove_listener("dialog", answer)
    assert page.url == site_url + "skemaer/"
    return dialogs


def test_leaving_a_form_with_something_typed_asks_first(page, site_url):
    """Chromium asks only after a real gesture, so this types as a person does, key by key."""
    page.goto(site_url + "skemaer/samarbejde/")
    page.type("#samarbejde-varighed", "Højst en time")
    assert leave(page, site_url) == ["beforeunload"]


def test_leaving_a_form_with_a_box_ticked_asks_first(page, site_url):
    page.goto(site_url + "skemaer/feedback-efter-moedet/")
    page.click("label[for='feedback-efter-moedet-moedet-2']")
    assert leave(page, site_url) == ["beforeunload"]


def test_leaving_a_form_with_nothing_typed_asks_nothing(page, site_url):
    page.goto(site_url + "skemaer/samarbejde/")
    page.click("#samarbejde-varighed")   # a gesture, but nothing typed
    page.keyboard.press("Tab")
    assert leave(page, site_url) == []


def test_leaving_a_form_whose_typing_was_erased_asks_nothing(page, site_url):
    page.goto(site_url + "skemaer/maal-og-aftaleskema/")
    page.type("#maal-og-aftaleskema-aftaler-1-1", "Gå en tur")
    for _ in "Gå en tur":
        page.keyboard.press("Backspace")
    assert leave(page, site_url) == []


# --- A phone: tables become groups of labelled fields; scales read in order ---------------------

def table_forms(content):
    return sorted(form.id for form in content.forms if any(f.kind == "table" for f in form.fields()))


def test_some_forms_have_tables(content):
    assert table_forms(content) == ["maal-og-aftaleskema", "netvaerkskort"]


@pytest.mark.parametrize("form_id", ["maal-og-aftaleskema", "netvaerkskort"])
def test_a_table_on_a_phone_is_a_group_of_labelled_fields_for_each_row(page, site_url, content, form_id):
    form = next(f for f in content.forms if f.id == form_id)
    page.set_viewport_size(PHONE)
    page.goto(site_url + f"skemaer/{form_id}/")
    fields = page.eval_on_selector_all(".mg-form-table textarea", """areas => areas.map(area => {
        const label = area.labels.length ? area.labels[0] : null, box = area.getBoundingClientRect();
        const shown = label && label.getClientRects().length > 0 && label.getBoundingClientRect().width > 1;
        return {id: area.id, width: box.width, label: shown ? label.innerText.trim() : null,
                above: shown && label.getBoundingClientRect().bottom <= box.top + 1}; })""")
    expected = {field_names(form, field).cell(row, number): column.label
                for field in form.fields() if field.kind == "table" for row in range(1, field.rows + 1)
                for number, column in enumerate(field.columns, start=1)}
    assert {field["id"]: field["label"] for field in fields} == expected   # each under its column's name
    assert all(field["above"] for field in fields)
    narrow = {field["id"]: round(field["width"]) for field in fields if field["width"] < MIN_PHONE_FIELD_WIDTH}
    assert narrow == {}
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    first = f"#{form.id}-{next(f for f in form.fields() if f.kind == 'table').id}-1-1"
    page.fill(first, TYPED)   # a sentence fits in the box's width: no word cut, nothing scrolled aside
    assert page.eval_on_selector(first, "area => area.scrollWidth <= area.clientWidth")
    assert axe_violations(page) == []


@pytest.mark.parametrize("form_id", ["maal-og-aftaleskema", "netvaerkskort"])
def test_a_table_printed_from_a_phone_is_a_table_again(page, site_url, form_id):
    page.set_viewport_size(PHONE)
    page.goto(site_url + f"skemaer/{form_id}/")
    page.emulate_media(media="print")
    layout = page.evaluate("""() => ({
        tables: [...document.querySelectorAll('.mg-form-table')].map(e => getComputedStyle(e).display),
        rows: [...new Set([...document.querySelectorAll('.mg-form-table tr')].map(e => getComputedStyle(e).display))],
        heads: [...document.querySelectorAll('.mg-form-table thead')].map(e => getComputedStyle(e).position),
        names: [...document.querySelectorAll('.mg-form-table__label, .mg-form-table__row')]
            .filter(e => e.getClientRects().length).length})""")
    assert set(layout["tables"]) == {"table"} and layout["rows"] == ["table-row"]
    assert set(layout["heads"]) == {"static"} and layout["names"] == 0
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Række 1" not in printed


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_a_scale_reads_in_order_never_zigzagging(page, site_url, content, width):
    """Each step of a scale is right of the one before on the same line, or right below it in the
    same column; "Ved ikke" comes below them all. Wrapped rows would zigzag back to the left."""
    scales = [(form, field) for form in content.forms for field in form.fields() if field.kind == "rating_scale"]
    assert scales
    page.set_viewport_size({"width": width, "height": 900})
    for form in sorted({form.id for form, _ in scales}):
        page.goto(site_url + f"skemaer/{form}/")
        for _, field in [(f, x) for f, x in scales if f.id == form]:
            base = f"{form}-{field.id}"
            ids = [f"{base}-{n}" for n in range(1, len(field.options) + 1)]
            boxes = page.evaluate("""ids => ids.map(id => {
                const r = document.getElementById(id).closest('.mg-choice').getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })""", ids)
            for before, after in zip(boxes, boxes[1:]):
                same_line = abs(after["top"] - before["top"]) < 2 and after["left"] >= before["right"]
                same_column = abs(after["left"] - before["left"]) < 2 and after["top"] >= before["bottom"] - 1
                assert same_line or same_column, (form, field.id, width, before, after)
            if field.dont_know:
                dont_know = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top",
                                          f"{base}-ved-ikke")
                assert dont_know >= max(box["bottom"] for box in boxes) - 1, (form, field.id, width)


def test_a_long_answer_is_printed_in_full(page, site_url, content):
    form = next(f for f in content.forms if f.id == "samarbejde")
    field = next(f for f in form.fields() if f.kind == "long_text")
    answer = " ".join(f"ord{n}" for n in range(1, 201)) + " SIDSTE"
    page.goto(site_url + f"skemaer/{form.id}/")
    page.fill(f"#{form.id}-{field.id}", answer)
    page.emulate_media(media="print")
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "ord150" in printed and "SIDSTE" in printed


def test_going_back_to_a_form_brings_back_nothing_typed(browser_without_page_cache, site_url, content):
    """Chromium keeps form state in the session history, even on disk, unless told not to."""
    page = browser_without_page_cache.new_page()
    for form in content.forms:
        page.goto(site_url + f"skemaer/{form.id}/")
        fill_everything(page, form)
        page.goto(site_url + "skemaer/")
        page.go_back()
        page.wait_for_load_state()
        kept = page.evaluate("""() => [...document.querySelectorAll('.mg-form input, .mg-form textarea')]
            .filter(e => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : e.value !== '').map(e => e.id)""")
        assert kept == [], form.id
    page.close()


@pytest.fixture(scope="module")
def browser_without_page_cache(browser):
    """A second Chromium that reloads a page on "back", as a tab restored from disk would."""
    from conftest import CHROMIUM, CHROMIUM_ARGS
    second = browser.browser_type.launch(executable_path=CHROMIUM,
                                         args=[*CHROMIUM_ARGS, "--disable-features=BackForwardCache"])
    yield second
    second.close()
