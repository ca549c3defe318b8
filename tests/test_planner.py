"""The planner page: its data, its link format, and the page itself in Chromium (proposals, editing
by keyboard, the link and the saved file, the two print-outs, the Word file, without JavaScript)."""
import io
import json
import shutil
import subprocess
from collections import Counter

import docx
import pytest
from pypdf import PdfReader

from conftest import PROJECT_DIR
from metodeguide import paths, planner, programme, rendering
from metodeguide.programme import Focus
from test_browser import axe_violations

OLD_LINK = (PROJECT_DIR / "tests" / "fixtures" / "plan-link-v1.txt").read_text().strip()
A_MUNICIPALITYS_ADDRESS = "https://www.eksempel-kommune.dk/metodeguide/planlaegger/#"


def length(content, length_id):
    return next(length for length in content.planner.lengths if length.id == length_id)


def group(content, group_id):
    return next(group for group in content.planner.groups if group.id == group_id)


# --- The data and the link, in Python ------------------------------------------------------------

def test_the_planner_knows_every_block_once_per_focus_it_has_material_for(content):
    blocks = planner.planner_data(content)["blocks"]
    expected = ([b.id for b in content.blocks if not b.for_each]
                + [planned.id for focus in programme.focuses(content)
                   for planned in programme.blocks_for(content, focus) if planned.block.for_each])
    assert Counter(block["id"] for block in blocks) == Counter(expected)   # each once, none lost
    page = rendering.render_planner_page(content)
    for block in blocks:
        for key in block["materials"]:
            assert f'data-material="{key}"' in page, (block["id"], key)


def test_the_link_holds_ids_and_numbers_only_and_starts_with_its_format(content):
    focus = Focus("principle", "foelg-op")
    fragment = planner.kit_fragment(content, focus)
    assert fragment.startswith("v=1&s=0900&l=halv-dag&g=blandet&f=p-foelg-op&b=aabning_15.")
    assert all(ch.isascii() and (ch.isalnum() or ch in "=&.-_") for ch in fragment)


# --- The page in Chromium ------------------------------------------------------------------------

PLANNER = paths.page_url(paths.PLANNER_PAGE)


def open_planner(page, site_url, fragment=""):
    page.goto(site_url + PLANNER + (f"#{fragment}" if fragment else ""))
    page.wait_for_selector("[data-mg-module=planner][data-mg-ready]")


def propose(page, focuses, length_id="halv-dag", group_id="blandet"):
    for box in page.query_selector_all("input[name=fokus]"):
        box.set_checked(box.get_attribute("value") in focuses)
    page.check(f"#laengde-{length_id}")
    page.check(f"#gruppe-{group_id}")
    page.click("[data-propose]")


def rows(page):
    """The programme as shown: (time span, title, the focus it is about) per block."""
    return page.eval_on_selector_all("[data-list] > li", """items => items.map(li => [
        li.querySelector('[data-time]').textContent, li.querySelector('[data-title]').textContent,
        li.querySelector('[data-about]').textContent])""")


def focus_label(content, key):
    return rendering.render_planner_page(content).split(f'for="fokus-{key}">')[1].split("<")[0]


# Chromium proposes with the script's port of programme.propose; both must give the same programme.
PROPOSE_IN_THE_PAGE = """combos => combos.map(([focuses, length, group]) => {
    const form = document.querySelector('[data-choices]');
    form.querySelectorAll('input[name=fokus]').forEach(box => { box.checked = focuses.includes(box.value); });
    form.querySelector(`#laengde-${length}`).checked = true;
    form.querySelector(`#gruppe-${group}`).checked = true;
    form.requestSubmit();
    return location.hash.split('&b=')[1] || '';
})"""


def test_a_full_day_link_on_up_to_three_focuses_stays_under_1000_characters(page, site_url, content):
    """What the page writes, with a set end, on a municipality's longer address; past 1,000 the
    page advises a saved file instead."""
    keys = [planner.focus_key(f) for f in programme.focuses(content)]
    open_planner(page, site_url)
    propose(page, keys[:1], "hel-dag", "ledere")
    page.fill("[data-end]", "15:30")                  # set after the length, which would reset it
    page.dispatch_event("[data-end]", "change")
    for chosen in [[key] for key in keys] + [keys[i:i + 3] for i in range(len(keys) - 2)]:
        propose(page, chosen, "hel-dag", "ledere")
        link = page.input_value("[data-link]")
        assert "&e=1530&" in link and len(A_MUNICIPALITYS_ADDRESS + link.split("#")[1]) < 1000, chosen
        assert page.locator("[data-link-long]").is_hidden()
    propose(page, keys, "hel-dag", "ledere")
    assert len(page.input_value("[data-link]")) > 1000 and page.locator("[data-link-long]").is_visible()


def test_the_page_proposes_exactly_what_programme_propose_does(page, site_url, content):
    focuses = programme.focuses(content)
    choices = [[f] for f in focuses] + [focuses[:2], focuses[2:4] + focuses[-1:], focuses[:8], focuses]
    combos = [(chosen, L, g) for chosen in choices for L in content.planner.lengths for g in content.planner.groups]
    open_planner(page, site_url)
    shown = page.evaluate(PROPOSE_IN_THE_PAGE, [[[planner.focus_key(f) for f in chosen], L.id, g.id]
                                                for chosen, L, g in combos])
    expected = [".".join(f"{b.id}_{b.minutes}" for b in programme.propose(content, chosen, L, g))
                for chosen, L, g in combos]
    mismatches = [(combos[i][0], combos[i][1].id, combos[i][2].id, got, wanted)
                  for i, (got, wanted) in enumerate(zip(shown, expected)) if got != wanted]
    assert mismatches == []


def test_a_proposal_fills_the_time_and_the_summary_says_so(page, site_url, content):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op", "t-kontakt-og-opfoelgning"], "hel-dag")
    shown = rows(page)
    assert shown[0][0].startswith("9.00–") and shown[-1][0].endswith("–15.00")
    assert "Frokost" in [title for _, title, _ in shown]
    assert page.inner_text("[data-summary]") == ("I alt 360 minutter, fra kl. 9.00 til kl. 15.00. "
                                                 "Programmet slutter præcis kl. 15.00.")
    assert page.inner_text("[data-status]") == f"Forslaget har {len(shown)} punkter og varer 360 minutter."
    assert page.foreign_requests == []


def test_reordering_by_keyboard_keeps_focus_on_the_moved_block_and_says_where_it_went(page, site_url, content):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op"])
    before = rows(page)
    introduction = before[1]
    page.focus("[data-list] > li:nth-child(2) [data-move='1']")
    page.keyboard.press("Enter")                                      # "Flyt ned", by keyboard only
    after = rows(page)
    assert after[2][1:] == introduction[1:] and after[1][1:] == before[2][1:]
    assert after[2][0] == "9.45–10.05"                                # 15 + 30 minutes after 9.00
    title = shown_title(introduction)
    assert introduction[2] == focus_label(content, "p-foelg-op")
    assert page.inner_text("[data-status]") == f"{title} er nu på plads 3 af {len(after)} og starter kl. 9.45."
    focused = page.evaluate("""() => [document.activeElement.dataset.move,
        [...document.querySelectorAll('[data-list] > li')].indexOf(document.activeElement.closest('li'))]""")
    assert focused == ["1", 2]
    page.keyboard.press("Space")                                      # and once more, with Space
    assert rows(page)[3][1] == introduction[1]

    page.select_option("[data-list] > li:nth-child(4) [data-position]", "1")   # "Flyt til plads 1"
    assert rows(page)[0][1] == introduction[1] and rows(page)[0][0] == "9.00–9.20"
    assert page.evaluate("() => document.activeElement.matches('[data-list] > li:first-child [data-position]')")
    page.focus("[data-list] > li:nth-child(2) [data-move='-1']")
    page.keyboard.press("Enter")                                      # up to the top: focus goes to "Flyt ned"
    assert page.evaluate("() => document.activeElement.matches('[data-list] > li:first-child [data-move=\"1\"]')")


def test_changing_a_duration_or_the_end_moves_the_times_and_shows_the_difference(page, site_url):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op"])
    page.fill("[data-list] > li:first-child [data-minutes]", "25")
    page.keyboard.press("Tab")
    assert rows(page)[1][0] == "9.25–9.45"
    # the rows stay, so Tab goes on to the next control ("Flyt op" is off in the first row)
    assert page.evaluate("() => document.activeElement.matches('[data-list] > li:first-child [data-move=\"1\"]')")
    page.fill("[data-list] > li:first-child [data-minutes]", "7")
    page.keyboard.press("Tab")
    assert page.inner_text("[data-status]") == "Skriv et antal minutter mellem 5 og 240, som går op i 5."
    assert page.input_value("[data-list] > li:first-child [data-minutes]") == "25"
    summary = page.locator("[data-summary]")
    assert summary.inner_text().endswith("Programmet er 10 minutter for langt: det slutter kl. 12.10, men skal "
                                         "slutte kl. 12.00. Forkort eller fjern et punkt.")
    assert summary.get_attribute("data-fit") == "over"
    page.fill("[data-end]", "12:30")
    page.dispatch_event("[data-end]", "change")
    assert summary.inner_text().endswith("Der er 20 minutter til overs: programmet slutter kl. 12.10, og I har "
                                         "til kl. 12.30. Forlæng eller tilføj et punkt.")
    page.fill("[data-start]", "22:00")                  # an evening session, past midnight
    page.dispatch_event("[data-start]", "change")
    page.fill("[data-end]", "01:10")
    page.dispatch_event("[data-end]", "change")
    assert rows(page)[-1][0] == "1.00–1.10" and summary.inner_text().endswith("Programmet slutter præcis kl. 1.10.")
    assert "&s=2200&" in page.url and "&e=0110&" in page.url


def shown_title(row):
    """A row's block as the messages name it: its title, and its focus in brackets."""
    _, title, about = row
    return f"{title} ({about})" if about else title


def test_the_library_adds_blocks_about_the_focus_a_break_and_removes(page, site_url, content):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op"])
    count = len(rows(page))
    library = page.eval_on_selector_all("[data-library] [data-title]", "titles => titles.map(t => t.textContent)")
    chime = next(block for block in content.blocks if block.id == "chime")
    assert chime.title not in library and "Pause" in library      # CHIME is about another focus
    page.fill("[data-library-search]", "arbejde visuelt")          # words of its purpose, not its title
    assert page.locator("[data-library] > li").count() == 1
    assert page.inner_text("[data-library-count]") == "Aktiviteter, der passer: 1."
    page.click("[data-library] [data-add]")
    assert len(rows(page)) == count + 1
    assert page.inner_text("[data-status]").startswith(f"Tavle og fælles papir på mødet er tilføjet på plads "
                                                        f"{count + 1} og starter kl. 12.00. Programmet er 30 minutter")
    page.click("[data-add-break]")
    assert rows(page)[-1][1] == "Pause"
    second = rows(page)[1]
    page.focus("[data-list] > li:nth-child(2) [data-remove]")
    page.keyboard.press("Enter")
    assert len(rows(page)) == count + 1 and rows(page)[1] != second
    assert page.inner_text("[data-status]").startswith(f"{shown_title(second)} er fjernet fra programmet.")
    # focus goes to the block that took its place, not to another "Fjern"
    assert page.evaluate("() => document.activeElement.matches('[data-list] > li:nth-child(2)')")
    page.fill("[data-library-search]", "")
    page.check("[data-library-all]")
    assert page.locator("[data-library] > li").count() > len(library)


def test_the_link_restores_the_same_plan_in_a_fresh_browser(page, site_url, browser):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op", "s-koordinator"], "hel-dag", "ledere")
    page.focus("[data-list] > li:nth-child(3) [data-move='1']")
    page.keyboard.press("Enter")
    page.fill("[data-plan-title]", "Kompetencedag for team Nord")
    link = page.input_value("[data-link]")
    assert "Nord" not in link
    fresh = browser.new_context(locale="da-DK")
    try:
        other = fresh.new_page()
        other.goto(link)
        other.wait_for_selector("[data-list] > li")
        assert rows(other) == rows(page)
        assert other.is_checked("#gruppe-ledere") and other.is_checked("#fokus-s-koordinator")
        other.evaluate("() => { location.hash = 'program'; }")   # an in-page link, such as "skip to content"
        other.wait_for_function("() => location.hash.startsWith('#v=1&')")
        assert other.url == link
    finally:
        fresh.close()


def test_a_link_made_in_the_first_format_still_opens(page, site_url):
    """tests/fixtures/plan-link-v1.txt is a link as format 1 writes it; it must open for good."""
    open_planner(page, site_url, OLD_LINK)
    shown = rows(page)
    assert len(shown) == 15 and shown[0][0] == "8.30–8.50" and shown[2][0] == "9.15–9.55"
    assert [title for _, title, _ in shown].count("Pause") == 2
    assert page.inner_text("[data-status]") == "Programmet er åbnet."
    assert "25 minutter til overs" in page.inner_text("[data-summary]")
    assert page.is_checked("#fokus-t-kontakt-og-opfoelgning") and page.is_checked("#laengde-hel-dag")
    open_planner(page, site_url, "v=9&x=ny")
    assert page.inner_text("[data-status]").startswith("Programmet er lavet med en nyere udgave")


def test_a_damaged_or_crafted_link_leaves_the_planner_working(page, site_url):
    open_planner(page, site_url, "v=constructor")
    assert page.inner_text("[data-status]") == "Linket kunne ikke læses. Lav et nyt forslag, eller åbn en gemt fil."
    open_planner(page, site_url, "v=1&s=0900&l=halv-dag&g=blandet&f=p-foelg-op&b=constructor_10.aabning_15.pause_999")
    assert [title for _, title, _ in rows(page)] == ["Velkommen og formålet med i dag"]
    assert page.inner_text("[data-status]") == "Punkter, der ikke længere findes i guiden, er udeladt: 2."


def test_a_kit_opens_in_the_planner_with_its_programme(page, site_url, content):
    focus = programme.kit_focuses(content)[6]
    page.goto(site_url + paths.page_url(paths.kit_page_path(focus)))
    kit = page.eval_on_selector_all(".md-typeset table tbody tr", """rows => rows.map(row =>
        [row.cells[0].textContent, row.cells[1].textContent])""")
    page.click("text=Ret programmet til i planlæggeren")
    page.wait_for_selector("[data-list] > li")
    assert [[time, title] for time, title, _ in rows(page)] == kit


def test_a_saved_plan_file_keeps_title_and_notes_and_opens_again(page, site_url, tmp_path):
    open_planner(page, site_url)
    propose(page, ["t-kontakt-og-opfoelgning"], "teammoede")
    page.fill("[data-plan-title]", "Teammøde om opfølgning")
    page.fill("[data-plan-notes]", "Husk kaffe.\nMødelokale 2.")
    with page.expect_download() as download:
        page.click("[data-save]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "program.json"
    assert json.loads(saved.read_text())["notes"] == "Husk kaffe.\nMødelokale 2."
    shown = rows(page)
    open_planner(page, site_url)
    page.set_input_files("[data-open]", str(saved))
    page.wait_for_selector("[data-list] > li")
    assert rows(page) == shown
    assert page.input_value("[data-plan-title]") == "Teammøde om opfølgning"
    assert page.input_value("[data-plan-notes]") == "Husk kaffe.\nMødelokale 2."
    newer = tmp_path / "nyere.json"
    newer.write_text(json.dumps({"metodeguide_plan": "v=2&ny=1", "title": "Andet", "notes": ""}))
    page.set_input_files("[data-open]", str(newer))
    page.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('nyere udgave')")
    assert rows(page) == shown and page.input_value("[data-plan-title]") == "Teammøde om opfølgning"


def print_to_pdf(page, which):
    page.evaluate("() => { window.print = () => {}; }")     # the dialog would wait for a person
    page.click(f"[data-print='{which}']")
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def test_the_two_print_outs_give_the_expected_a4_pages(page, site_url, content):
    open_planner(page, site_url)
    propose(page, ["p-foelg-op", "t-forventningsafstemning-og-feedback"], "hel-dag")
    page.fill("[data-plan-title]", "Kompetencedag i Østby")
    shown = rows(page)

    participants = print_to_pdf(page, "deltagere")
    text = " ".join(participants.pages[0].extract_text().split())
    assert len(participants.pages) == 1
    assert all(abs(float(p.mediabox.width) - 595) < 2 and abs(float(p.mediabox.height) - 842) < 2
               for p in participants.pages)
    assert text.startswith("Kompetencedag i Østby")
    positions = [text.index(time) for time, _, _ in shown]
    assert positions == sorted(positions)                       # every block, in order
    assert "Flyt op" not in text and "Metodeguide" not in text   # no controls, no site chrome

    guide = print_to_pdf(page, "facilitator")
    text = " ".join(" ".join(p.extract_text() for p in guide.pages).split())
    assert len(guide.pages) >= 4
    principle = content.principle("foelg-op")
    for dilemma in principle.dilemmas:
        assert dilemma.advice[0].text[:40] in text              # the cards, printed in full
    for question in principle.reflection_questions:
        assert question.question[:40] in text
    case = next(block for block in content.blocks if block.id == "case-dilemmakort")
    assert case.steps[1][:30] in text
    form = next(form for form in content.forms if form.id == "samarbejde")
    assert f"Skema {form.code}: {form.title}" in text           # the form the blocks use, ready to fill in
    assert page.foreign_requests == []


@pytest.mark.libreoffice
def test_the_word_file_holds_both_print_outs_in_order_and_libreoffice_opens_it(page, site_url, tmp_path, content):
    open_planner(page, site_url, OLD_LINK)
    page.fill("[data-plan-title]", "Kompetencedag i Østby")
    shown = rows(page)
    with page.expect_download() as download:
        page.click("[data-word]")
    path = tmp_path / "program.docx"
    download.value.save_as(path)
    assert download.value.suggested_filename == "program.docx"

    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Kompetencedag i Østby"
    participants = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in participants.rows[1:]] == [
        [time, f"{title} ({about})" if about else title] for time, title, about in shown]
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Sådan gør I, punkt for punkt" in headings
    words = " ".join([p.text for p in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    form = next(form for form in content.forms if form.id == "samarbejde")   # the plan's form, ready to fill in
    assert f"Skema {form.code}: {form.title}" in words and "\u2610 " in words and "_" * 30 in words
    assert "Andet: Skriv hvad" not in words and "Række 1" not in words   # what only a screen reader or a phone gets
    assert page.foreign_requests == []

    assert shutil.which("soffice"), "LibreOffice is missing: `make test` installs it"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    text = " ".join((tmp_path / "program.txt").read_text(encoding="utf-8-sig").split())
    positions = [text.index(time) for time, _, _ in shown]
    assert positions == sorted(positions)


def test_the_edited_planner_has_no_accessibility_violations_on_a_desktop_or_a_phone(page, site_url):
    open_planner(page, site_url, OLD_LINK)
    page.focus("[data-list] > li:nth-child(2) [data-move='1']")
    page.keyboard.press("Enter")
    page.fill("[data-library-search]", "pause")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})
    open_planner(page, site_url, OLD_LINK)
    page.focus("[data-list] > li:nth-child(2) [data-remove]")
    page.keyboard.press("Enter")
    page.check("[data-library-all]")
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_without_javascript_the_page_explains_and_links_to_the_kits(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PLANNER)
        note = page.locator(".mg-nojs-note")
        assert note.is_visible() and "kræver JavaScript" in note.inner_text()
        assert note.locator("a").get_attribute("href").endswith("kompetencedage/")
        assert not page.locator("[data-mg-module=planner]").is_visible()
    finally:
        context.close()
