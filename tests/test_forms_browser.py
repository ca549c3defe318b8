"""The forms in Debian's Chromium: filled on screen, printed on A4, accessible, and private."""
import io

import pytest
from pypdf import PdfReader

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
