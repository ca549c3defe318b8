"""Stable ids and short codes: every citable item has both, they never move, and a code finds its item."""
import re

import pytest

from html_tools import Page, is_code_redirect
from metodeguide import paths, rendering
from metodeguide.codes import citable_items
from metodeguide.loading import load_content
from metodeguide.model import CODE_LETTERS, Content, ReflectionQuestion
from test_validation import PRINCIPLE_3, edit_yaml, problems

LEDGER = "koder.yml"


def add_to_ledger(content_dir, code: str, key: str) -> None:
    with (content_dir / LEDGER).open("a", encoding="utf-8") as file:
        file.write(f"  {code}: {key}\n")


# --- The real content ------------------------------------------------------------------------

def test_every_citable_item_has_a_unique_well_formed_code(content):
    items = citable_items(content)
    kinds = {kind: sum(1 for i in items if i.kind == kind) for kind in CODE_LETTERS}
    assert kinds == {"dilemma": 21, "question": 17, "way": 39, "tool": 24, "form": 6}
    assert len({item.code for item in items}) == len(items)
    for item in items:
        letter = CODE_LETTERS[item.kind]
        expected = rf"{letter}{item.principle.number}-[1-9]\d*" if item.principle else rf"{letter}[1-9]\d*"
        assert re.fullmatch(expected, item.code), item


def test_the_ledger_names_every_item_that_carries_a_code(content):
    """Retired codes may stay in the ledger; every code in use names its own item there."""
    items = {item.code: item.key for item in citable_items(content)}
    assert {code: key for code, key in content.code_ledger.codes.items() if code in items} == items


def test_every_item_inside_a_principle_has_an_id_unique_in_its_principle(content):
    for principle in content.principles:
        for items in (principle.ways_of_working, principle.reflection_questions, principle.dilemmas,
                      [advice for dilemma in principle.dilemmas for advice in dilemma.advice]):
            ids = [item.id for item in items]
            assert len(ids) == len(set(ids)), principle.id


def test_content_is_one_frozen_serialisable_object_that_knows_its_files(content):
    assert Content.model_validate_json(content.model_dump_json()) == content
    assert {"principles", "code_ledger", "files"} <= set(Content.model_json_schema()["properties"])
    with pytest.raises(Exception):
        content.principles[0].title = "Ny titel"
    assert content.files["principles/foelg-op"] == "content/principles/07-foelg-op.yml"
    assert content.files["forms/samarbejde"] == "content/tools/skemaer/samarbejde.yml"
    assert content.files["taet"] == "content/taet.yml"
    for kind, items in (("principles", content.principles), ("tools", content.tools), ("forms", content.forms)):
        assert {f"{kind}/{item.id}" for item in items} <= set(content.files)


# --- Anchors come from ids, never from positions ----------------------------------------------

def anchors(markdown: str) -> set[str]:
    return set(re.findall(r'\{#([a-z0-9-]+)\}', markdown)) | set(re.findall(r'id="([a-z0-9-]+)"', markdown))


def test_a_new_first_question_moves_no_other_items_anchor(content):
    principle = content.principle("netvaerk-faellesskaber")
    new = ReflectionQuestion(id="ny-foerst", code="R3-9", question="Hvad er nyt?", roles=["leder"],
                             phases=["opfoelgning"])
    changed = principle.model_copy(update={"reflection_questions": [new, *principle.reflection_questions]})
    updated = content.model_copy(update={"principles": tuple(changed if p.id == principle.id else p
                                                             for p in content.principles)})
    before = anchors(rendering.render_principle_page(content, principle))
    after = anchors(rendering.render_principle_page(updated, changed))
    assert after - before == {paths.question_anchor("ny-foerst")}
    assert before <= after
    bank_before = anchors(rendering.render_fragment("reflection_questions", content, paths.QUESTIONS_PAGE))
    bank_after = anchors(rendering.render_fragment("reflection_questions", updated, paths.QUESTIONS_PAGE))
    assert bank_before <= bank_after
    assert bank_after - bank_before == {paths.bank_question_anchor(principle.id, "ny-foerst"),
                                        paths.bank_question_anchor(principle.id, "ny-foerst") + "-valg"}


# --- Checks at build ---------------------------------------------------------------------------

def test_a_repeated_question_id_in_a_principle_is_refused(content_copy):
    def repeat(principle):
        principle["reflection_questions"][1]["id"] = principle["reflection_questions"][0]["id"]
    edit_yaml(content_copy, PRINCIPLE_3, repeat)
    [message] = problems(content_copy)
    assert re.fullmatch(rf"content/{PRINCIPLE_3}: reflection_questions: id '[a-z0-9-]+' står flere gange \(nr\. 1, 2\)",
                        message)


def test_an_advice_id_used_under_two_dilemmas_of_a_principle_is_refused(content_copy):
    def repeat(principle):
        principle["dilemmas"][1]["advice"][0]["id"] = principle["dilemmas"][0]["advice"][0]["id"]
    edit_yaml(content_copy, PRINCIPLE_3, repeat)
    [message] = problems(content_copy)
    assert message.startswith(f"content/{PRINCIPLE_3}: dilemmas[2].advice[1].id: id '")
    assert message.endswith("' bruges allerede i dilemmas[1].advice[1]")


def test_a_code_that_is_not_well_formed_is_refused(content_copy):
    edit_yaml(content_copy, PRINCIPLE_3, lambda p: p["dilemmas"][0].update(code="d3.1"))
    edit_yaml(content_copy, "tools/fit.yml", lambda tool: tool.update(code="R5"))
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: dilemmas[1].code: skal være en kort kode som 'D3-2' (se README: Korte koder)",
        "content/tools/fit.yml: code: skal være en kort kode som 'M12' (se README: Korte koder)"]


def test_a_code_must_carry_its_principles_number(content_copy):
    edit_yaml(content_copy, PRINCIPLE_3, lambda p: p["ways_of_working"][0].update(code="A4-9"))
    found = problems(content_copy)
    assert found[0] == f"content/{PRINCIPLE_3}: ways_of_working[1].code: koden 'A4-9' skal have princippets nummer: 'A3-9'"


def test_a_new_item_needs_its_line_in_the_ledger_and_the_build_says_which(content_copy):
    def add_question(principle):
        principle["reflection_questions"].insert(0, {"id": "ny", "code": "R3-4", "question": "Hvad nu?",
                                                      "roles": ["leder"], "phases": ["opfoelgning"]})
    edit_yaml(content_copy, PRINCIPLE_3, add_question)
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: reflection_questions[1].code: koden 'R3-4' står ikke i content/koder.yml. "
        "Tilføj linjen:  R3-4: principles/netvaerk-faellesskaber/reflection_questions/ny"]
    add_to_ledger(content_copy, "R3-4", "principles/netvaerk-faellesskaber/reflection_questions/ny")
    assert len(load_content(content_copy).principle("netvaerk-faellesskaber").reflection_questions) == 4


def test_a_published_code_never_comes_to_mean_another_item(content_copy):
    """Remove an item and give its code to a new one: refused, with a free code to use instead."""
    def replace_last_dilemma(principle):
        principle["dilemmas"][-1] = {**principle["dilemmas"][-1], "id": "nyt-dilemma"}
    edit_yaml(content_copy, PRINCIPLE_3, replace_last_dilemma)
    assert problems(content_copy) == [
        f"content/{PRINCIPLE_3}: dilemmas[4].code: koden 'D3-4' er udgivet for "
        "principles/netvaerk-faellesskaber/dilemmas/stemplet-i-sociale-tilbud (content/koder.yml); "
        "en udgivet kode må aldrig skifte betydning. Brug en ny kode, fx 'D3-5'"]


def test_an_item_never_changes_its_code(content_copy):
    edit_yaml(content_copy, "tools/skemaer/samarbejde.yml", lambda form: form.update(code="S7"))
    assert problems(content_copy) == [
        "content/tools/skemaer/samarbejde.yml: code: punktet har koden 'S6' i content/koder.yml; "
        "en udgivet kode må ikke ændres"]


def test_a_removed_items_code_is_retired_not_reused(content_copy):
    edit_yaml(content_copy, PRINCIPLE_3, lambda principle: principle["dilemmas"].pop())
    content = load_content(content_copy)
    assert "D3-4" not in {item.code for item in citable_items(content)}
    redirects = rendering.code_redirects(content)
    assert "udgået" in redirects[paths.code_redirect_path("D3-4")]
    codes_page = rendering.generated_pages(content)[paths.CODES_PAGE]
    assert 'id="d3-4"' in codes_page and "Udgåede koder" in codes_page


# --- Codes where people read them, and short addresses that lead to the item --------------------

def test_every_code_leads_from_its_short_address_to_its_item(site_dir, content):
    redirects = sorted(p for p in site_dir.glob("k/*/index.html") if is_code_redirect(p, site_dir))
    items = citable_items(content)
    assert len(redirects) == len(content.code_ledger.codes)   # every item's code, and every retired one
    for item in items:
        path = site_dir / paths.code_redirect_path(item.code)
        html = path.read_text(encoding="utf-8")
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
        page, _, anchor = (path.parent / target).as_posix().partition("#")
        landing = Page(site_dir / (path.parent / page).resolve().relative_to(site_dir.resolve()) / "index.html")
        assert not anchor or anchor in landing.ids, item.code
        assert item.code in landing.text, item.code   # the code is shown where it leads
        assert '<html lang="da">' in html and f'href="{target}"' in html   # and works without the refresh


def test_the_codes_page_lists_every_code_with_a_link_to_its_item(site_dir, content):
    page = Page(site_dir / "k" / "index.html")
    for item in citable_items(content):
        assert item.code in page.text
        assert item.title in page.text


def test_codes_are_printed_on_cards_beside_questions_and_on_forms(site_dir, content):
    cards = Page(site_dir / "dilemmaer" / "index.html")
    bank = Page(site_dir / "refleksionsspoergsmaal" / "index.html")
    catalogue = Page(site_dir / "metoder" / "index.html")
    for item in citable_items(content):
        if item.kind == "dilemma":
            assert f"{item.code} {item.title}" in cards.text
        if item.kind == "question":
            assert f"{item.code} {item.title}" in bank.text
        if item.kind == "tool":
            assert item.code in catalogue.text
        if item.kind == "form":
            form_page = Page(site_dir / paths.page_url(item.page) / "index.html")
            assert f"Skemakode: {item.code}" in form_page.text


def test_ledger_lines_name_an_item_of_their_own_kind_and_each_item_once(content_copy):
    add_to_ledger(content_copy, "D1-9", "tools/chime")
    add_to_ledger(content_copy, "d2-9", "principles/ressourcer/dilemmas/x")
    [message] = problems(content_copy)
    assert message == ("content/koder.yml: codes: disse linjer er ikke en kode med et punkt af samme slags: "
                       "D1-9: tools/chime; d2-9: principles/ressourcer/dilemmas/x "
                       "(skriv fx 'D3-2: principles/<princip>/dilemmas/<id>' eller 'M5: tools/<id>')")


def test_an_item_under_two_codes_in_the_ledger_is_refused(content_copy):
    add_to_ledger(content_copy, "D1-9", "principles/haab-oensker-droemme/dilemmas/tid-nok")
    [message] = problems(content_copy)
    assert message == ("content/koder.yml: codes: et punkt må kun have én kode, men disse står under flere koder: "
                       "principles/haab-oensker-droemme/dilemmas/tid-nok")
