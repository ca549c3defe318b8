"""The dilemma cards and the question bank in Debian's Chromium: filters, the URL, the random card,
turning cards, picking and printing questions, keyboard use, and axe-core on the filtered views."""
import io

import pytest
from pypdf import PdfReader

from metodeguide import paths
from test_browser import axe_violations

pytestmark = pytest.mark.browser


def visible_ids(page, selector):
    return page.eval_on_selector_all(selector, "items => items.filter(i => !i.hidden).map(i => i.id)")


def card_ids(content, principle_id=None, phase_id=None):
    return [f"{p.id}-{d.id}" for p in content.principles for d in p.dilemmas
            if principle_id in (None, p.id) and phase_id in (None, *d.phases)]


def question_ids(content, principle_id=None, phase_id=None, role=None):
    return [paths.bank_question_anchor(p.id, q.id) for p in content.principles
            for q in p.reflection_questions
            if principle_id in (None, p.id) and phase_id in (None, *q.phases) and role in (None, *q.roles)]


def test_cards_filter_by_phase_then_by_principle_and_the_address_keeps_the_filter(page, site_url, content):
    page.goto(site_url + "dilemmaer/")
    assert visible_ids(page, ".mg-card") == card_ids(content)
    page.select_option("#mg-cards-fase", "afgoerelse")
    expected = card_ids(content, phase_id="afgoerelse")
    assert visible_ids(page, ".mg-card") == expected and 0 < len(expected) < len(card_ids(content))
    assert page.inner_text("[data-status]") == f"Viser {len(expected)} af {len(card_ids(content))} dilemmakort."
    page.select_option("#mg-cards-princip", "aabenhed-tillid-respekt")
    assert visible_ids(page, ".mg-card") == card_ids(content, "aabenhed-tillid-respekt", "afgoerelse")
    assert page.url.endswith("/dilemmaer/?fase=afgoerelse&princip=aabenhed-tillid-respekt")


def test_the_address_restores_a_shared_filter(page, site_url, content):
    page.goto(site_url + "dilemmaer/?princip=foelg-op&fase=opfoelgning")
    assert page.input_value("#mg-cards-princip") == "foelg-op"
    assert page.input_value("#mg-cards-fase") == "opfoelgning"
    assert visible_ids(page, ".mg-card") == card_ids(content, "foelg-op", "opfoelgning")


def test_an_unknown_filter_value_in_the_address_shows_everything(page, site_url, content):
    page.goto(site_url + "dilemmaer/?fase=bevilling")
    assert page.input_value("#mg-cards-fase") == ""
    assert visible_ids(page, ".mg-card") == card_ids(content)


def test_the_random_card_is_always_one_of_the_filtered_cards(page, site_url, content):
    page.goto(site_url + "dilemmaer/?fase=bestilling")
    allowed = set(card_ids(content, phase_id="bestilling"))
    drawn = set()
    for _ in range(15):
        page.click("[data-draw]")
        card = page.eval_on_selector(".mg-card--drawn", "card => card.id")
        assert card in allowed
        focused = page.evaluate("() => document.activeElement.closest('.mg-card').id")
        assert focused == card  # the question is read out where focus lands
        assert page.inner_text("[data-status]").startswith(f"Viser {len(allowed)} af ")
        drawn.add(card)
    assert len(drawn) > 1 or len(allowed) == 1  # it really is drawn at random


def test_a_card_turns_over_to_show_its_advice(page, site_url, content):
    page.goto(site_url + "dilemmaer/")
    first = card_ids(content)[0]
    button = page.locator(f"#{first} .mg-card__turn")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-describedby") == f"{first}-spoergsmaal"  # which card it turns
    assert not page.is_visible(f"#{first}-raad")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.is_visible(f"#{first}-raad")
    advice = content.principles[0].dilemmas[0].advice[0].text
    assert advice.split()[0] in page.inner_text(f"#{first}-raad")


def test_cards_work_with_the_keyboard_alone(page, site_url, content):
    page.goto(site_url + "dilemmaer/")
    page.focus("#mg-cards-princip")
    page.keyboard.press("ArrowDown")  # the first principle
    assert page.input_value("#mg-cards-princip") == content.principles[0].id
    page.keyboard.press("Tab")        # the phase
    page.keyboard.press("Tab")        # "Træk et kort"
    assert page.evaluate("() => document.activeElement.hasAttribute('data-draw')")
    page.keyboard.press("Enter")
    drawn = page.eval_on_selector(".mg-card--drawn", "card => card.id")
    assert drawn in card_ids(content, content.principles[0].id)
    page.keyboard.press("Tab")        # from the drawn card's question to its turn button
    assert page.evaluate("() => document.activeElement.classList.contains('mg-card__turn')")
    page.keyboard.press("Enter")
    assert page.is_visible(f"#{drawn}-raad")


def test_without_javascript_every_card_shows_its_advice_and_no_dead_controls(browser, site_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "dilemmaer/")
    assert not page.is_visible(".mg-filters")
    for card in card_ids(content):
        assert page.is_visible(f"#{card}-raad")
    page.goto(site_url + "refleksionsspoergsmaal/")
    assert not page.is_visible("[data-picked]") and not page.is_visible("[data-pick]")
    context.close()


def test_questions_filter_by_principle_phase_and_role(page, site_url, content):
    page.goto(site_url + "refleksionsspoergsmaal/?rolle=sagsbehandler")
    assert visible_ids(page, ".mg-question") == question_ids(content, role="sagsbehandler")
    page.select_option("#mg-questions-fase", "opfoelgning")
    page.select_option("#mg-questions-princip", "foelg-op")
    expected = question_ids(content, "foelg-op", "opfoelgning", "sagsbehandler")
    assert visible_ids(page, ".mg-question") == expected
    groups = page.eval_on_selector_all("[data-group]", "groups => groups.filter(g => !g.hidden).length")
    assert groups == (1 if expected else 0)
    assert "rolle=sagsbehandler" in page.url and "fase=opfoelgning" in page.url


def pick(page, content, *positions):
    """Tick questions by their place in the bank; returns their texts."""
    ids = question_ids(content)
    texts = []
    for position in positions:
        page.check(f"#{ids[position]}-valg")
        texts.append(page.inner_text(f"label[for='{ids[position]}-valg']"))
    return texts


def test_picked_questions_are_listed_and_print_alone(page, site_url, content):
    page.goto(site_url + "refleksionsspoergsmaal/")
    picked = pick(page, content, 4, 1)
    in_list = page.eval_on_selector_all("[data-list] li .mg-picked__question", "items => items.map(i => i.textContent)")
    assert in_list == [picked[1], picked[0]]  # in the bank's order, not the order they were ticked
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("[data-print]")
    assert page.evaluate("() => window.printed === true")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for question in picked:
        assert " ".join(question.split()[:6]) in printed
    not_picked = content.principles[0].reflection_questions[0].question
    assert " ".join(not_picked.split()[:6]) not in printed
    assert len(pdf.pages) == 1
    # The sheet makes sense on its own: a title, where it comes from, the date, each question's principle.
    ids = question_ids(content)
    principles = [content.principle(page.get_attribute(f"#{ids[n]}", "data-principle")) for n in (4, 1)]
    assert "Refleksionsspørgsmål til jeres samtale" in printed
    assert "Fra Metodeguide: recovery-orienteret myndighedsrådgivning" in printed
    assert page.evaluate("() => new Date().toLocaleDateString('da-DK', {day: 'numeric', month: 'long', year: 'numeric'})") in printed
    for principle in principles:
        assert f"Princip {principle.number}: {principle.title}" in printed
    assert "Din liste" not in printed


def test_picked_questions_can_be_copied(page, site_url, content):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "refleksionsspoergsmaal/")
    picked = pick(page, content, 0, 2)
    page.click("[data-copy]")
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent !== ''")
    assert page.inner_text("[data-copy-status]") == "Listen er kopieret."
    assert page.evaluate("() => navigator.clipboard.readText()") == f"1. {picked[0]}\n2. {picked[1]}"
    assert page.foreign_requests == []


def interactive_states(page, site_url, content):
    """Drive the cards and the question bank into their states, pausing (yield) in each to check it."""
    page.goto(site_url + "dilemmaer/?fase=opfoelgning")
    page.click("[data-draw]")
    page.click(".mg-card--drawn .mg-card__turn")
    yield "a drawn and turned card"
    page.goto(site_url + "refleksionsspoergsmaal/?rolle=leder")
    pick(page, content, 0)
    yield "a filtered and picked question"


def test_filtered_and_turned_views_have_no_accessibility_violations(page, site_url, content):
    for state in interactive_states(page, site_url, content):
        assert axe_violations(page) == [], state
    page.goto(site_url + "faser/opfoelgning/")
    assert axe_violations(page) == []


def test_printing_the_cards_page_shows_every_back_and_no_controls(page, site_url, content):
    page.goto(site_url + "dilemmaer/?fase=opfoelgning")
    assert not page.is_visible(f"#{card_ids(content, phase_id='opfoelgning')[0]}-raad")
    page.emulate_media(media="print")
    for card in card_ids(content, phase_id="opfoelgning"):
        assert page.is_visible(f"#{card}-raad")
    assert not page.is_visible(".mg-filters") and not page.is_visible(".mg-card__turn")


@pytest.mark.parametrize("path", ["dilemmaer/", "refleksionsspoergsmaal/", "skemaer/maal-og-aftaleskema/"])
def test_filters_cards_and_forms_fit_a_phone(page, site_url, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_an_empty_list_is_neither_copied_nor_printed(page, site_url):
    page.goto(site_url + "refleksionsspoergsmaal/")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("[data-print]")
    assert page.evaluate("() => window.printed !== true")
    assert page.inner_text("[data-copy-status]").startswith("Du har ikke valgt nogen spørgsmål")
    page.click("[data-copy]")
    assert page.inner_text("[data-copy-status]").startswith("Du har ikke valgt nogen spørgsmål")


def test_no_card_to_draw_is_said_out_loud(page, site_url):
    page.goto(site_url + "dilemmaer/?princip=foelg-op&fase=sagsaabning")
    assert page.eval_on_selector_all(".mg-card", "cards => cards.filter(c => !c.hidden).length") == 0
    page.click("[data-draw]")
    assert page.inner_text("[data-status]").startswith("Der er ingen kort at trække")
