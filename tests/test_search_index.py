"""The search index as the build rewrites it (metodeguide.search): what each entry is, the other
names of methods and terms, and an entry per reflection question. The queries themselves are run in
Chromium by test_search_quality.py."""
import json

from metodeguide import paths, search

THEME_INDEX = {
    "config": {"lang": ["da"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "principper/foelg-op/", "title": "7. Følg op", "text": ""},
        {"location": "principper/foelg-op/#hvorfor", "title": "Hvorfor", "text": ""},
        {"location": "faser/opfoelgning/", "title": "Opfølgning", "text": ""},
        {"location": "metoder/#fit", "title": "Feedback Informed Treatment (FIT)", "text": ""},
        {"location": "metoder/#la2", "title": "LA2", "text": ""},
        {"location": "metoder/#recovery-star", "title": "Recovery Star", "text": ""},
        {"location": "ordliste/#handleplan", "title": "handleplan", "text": ""},
        {"location": "dilemmaer/#foelg-op-opfoelgning-for-systemet-spoergsmaal", "title": "D7-1 Hvad gør du …", "text": ""},
    ],
}


def entries(content):
    return {doc["location"]: doc for doc in search.enrich_index(THEME_INDEX, content)["docs"]}


def test_each_entry_that_stands_for_one_thing_says_what_it_is(content):
    found = entries(content)
    assert found["principper/foelg-op/"]["title"] == "Princip 7. Følg op"
    assert found["principper/foelg-op/#hvorfor"]["title"] == "Hvorfor"          # a section of a page: as it was
    assert found["faser/opfoelgning/"]["title"] == "Fase: Opfølgning"
    assert found["metoder/#fit"]["title"] == "Metode: Feedback Informed Treatment (FIT)"
    assert found["ordliste/#handleplan"]["title"] == "Ordliste: handleplan"
    dilemma = next(d for p in content.principles for d in p.dilemmas if d.code == "D7-1")
    assert found["dilemmaer/#foelg-op-opfoelgning-for-systemet-spoergsmaal"]["title"] == (
        f"Dilemmakort D7-1: {dilemma.question}")


def test_abbreviations_become_tags_and_other_names_text_from_the_content(content):
    found = entries(content)
    assert found["metoder/#fit"]["tags"] == ["FIT"]                     # short_name
    assert found["metoder/#la2"]["tags"] == ["LA2"]                     # a name written as an abbreviation
    assert "tags" not in found["metoder/#recovery-star"]                 # another name is text, not a tag,
    assert "Kaldes også: Recovery-stjernen." in found["metoder/#recovery-star"]["text"]   # or it would outweigh all
    assert "Kaldes også: handlingsplan." in found["ordliste/#handleplan"]["text"]
    assert "tags" not in found["faser/opfoelgning/"]


def test_every_reflection_question_gets_an_entry_that_opens_at_it(content):
    found = entries(content)
    bank = paths.page_url(paths.QUESTIONS_PAGE)
    for principle in content.principles:
        for question in principle.reflection_questions:
            entry = found[f"{bank}#{paths.bank_question_anchor(principle.id, question.id)}"]
            assert entry["title"] == f"Refleksionsspørgsmål {question.code}"
            assert question.question[:30] in entry["text"] and f"princip {principle.number}" in entry["text"]
    assert len(found) == len(THEME_INDEX["docs"]) + sum(len(p.reflection_questions) for p in content.principles)


def test_the_built_index_names_every_card_and_question_and_keeps_the_themes_settings(site_dir, content):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da"]
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    cards = paths.page_url(paths.DILEMMAS_PAGE)
    for principle in content.principles:
        for dilemma in principle.dilemmas:
            location = f"{cards}#{paths.card_question_anchor(principle.id, dilemma.id)}"
            assert titles[location].startswith(f"Dilemmakort {dilemma.code}: "), location
    assert sum(title.startswith("Refleksionsspørgsmål R") for title in titles.values()) == sum(
        len(p.reflection_questions) for p in content.principles)
