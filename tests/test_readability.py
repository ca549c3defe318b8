"""Plain language: the pages caseworkers read aim at LIX 40 or below."""
import re
from datetime import date

import pytest

from conftest import PROJECT_DIR
from metodeguide import rendering
from metodeguide.readability import lix

CASEWORKER_LIMIT = 40


def test_lix_of_known_texts():
    assert lix("") == 0
    assert lix("Jeg så en kat. Den var sort.") == pytest.approx(3.5)  # 7 words, 2 sentences, 0 long
    assert lix("Sagsbehandleren vurderer borgerens situation.") == pytest.approx(4 + 100)  # all long
    assert lix("Du ser på hele livet.") == pytest.approx(5.0)


def principle_text(principle) -> str:
    parts = [principle.contains, principle.why]
    parts += [g.guidance for g in principle.phases]
    parts += [f"{w.title}. {w.text}" for w in principle.ways_of_working]
    parts += [q.question for q in principle.reflection_questions]
    parts += [d.question + " " + " ".join(a.text for a in d.advice) for d in principle.dilemmas]
    if principle.story:
        parts.append(principle.story.summary)
    return "\n".join(parts)


def test_every_principle_reads_at_lix_40_or_below(content):
    scores = {p.id: round(lix(principle_text(p)), 1) for p in content.principles}
    assert {k: v for k, v in scores.items() if v > CASEWORKER_LIMIT} == {}


def test_phase_descriptions_are_plain(content):
    assert lix(" ".join(p.description for p in content.phases)) <= CASEWORKER_LIMIT


# Fields that hold names, ids or references rather than sentences a reader reads as prose.
NOT_PROSE = {"id", "name", "term", "forms", "document", "section", "label", "unit", "kind",
             "abbreviation_of", "short_name", "english", "danish", "phases", "principles",
             "taet_elements", "verb", "number", "value", "maximum"}


def prose_of(item) -> list[str]:
    """Every sentence-bearing text in a content item, however deeply nested."""
    if isinstance(item, str):
        return [item]
    if isinstance(item, (list, tuple)):
        return [text for element in item for text in prose_of(element)]
    if hasattr(type(item), "model_fields"):
        return [text for name in type(item).model_fields if name not in NOT_PROSE
                for text in prose_of(getattr(item, name))]
    return []


def knowledge_base_pages(content) -> dict:
    return {
        "TÆT-modellen": content.taet,
        "Evalueringen": content.evaluation,
        "Samarbejdsmodellen": content.samarbejdsmodellen,
        "For ledere": content.leadership,
        "Recovery og rehabilitering": content.recovery,
        "Metoder og redskaber": content.tools,
        "Ordliste": content.glossary,
    }


def test_every_knowledge_base_page_reads_at_lix_40_or_below(content):
    scores = {page: round(lix("\n".join(prose_of(item))), 1) for page, item in knowledge_base_pages(content).items()}
    assert all(scores.values()), scores  # every page has prose to measure
    assert {page: score for page, score in scores.items() if score > CASEWORKER_LIMIT} == {}


# --- Hand-written pages with fragments: the text a reader reads on the page ------------------------

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FRAGMENT_CALL = re.compile(r"\{\{\s*(\w+)\(\)\s*\}\}")


def page_prose(page: str, content) -> str:
    """A page under docs/ as a reader reads it: its fragments filled in, without headings, links'
    addresses, markup, code, e-mail and web addresses; a list item is a sentence."""
    text = FRONT_MATTER.sub("", (PROJECT_DIR / "docs" / page).read_text(encoding="utf-8"))
    text = FRAGMENT_CALL.sub(lambda call: rendering.render_fragment(call.group(1), content, page, date(2026, 11, 30)), text)
    lines = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"<[^>]+>|\{#[^}]*\}|`[^`]*`|\S+@\S+|https?://\S+", "", line)
        if line.startswith("- ") and not re.search(r"[.!?:]\s*$", line):
            line += "."
        lines.append(line)
    return "\n".join(lines)


def test_page_prose_counts_what_a_reader_reads(content):
    prose = page_prose("tilgaengelighed.md", content)
    assert "Overholdelsesstatus" not in prose and "mailto:" not in prose and "](" not in prose
    assert "Skriv ikke dit cpr-nummer" in prose


# Pages about the guide itself, whose words are ours: every status the statement can have.
@pytest.mark.parametrize("page, status", [("om-guiden.md", "delvist"), ("tilgaengelighed.md", "fuldt"),
                                          ("tilgaengelighed.md", "delvist"), ("tilgaengelighed.md", "ikke")])
def test_the_pages_about_the_guide_read_at_lix_40_or_below(content, page, status):
    statement = content.settings.accessibility.model_copy(update={"status": status})
    content = content.model_copy(update={"settings": content.settings.model_copy(update={"accessibility": statement})})
    assert lix(page_prose(page, content)) <= CASEWORKER_LIMIT
