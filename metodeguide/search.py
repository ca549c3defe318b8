"""The search index, made to answer the way caseworkers search.

The theme's search plugin writes ``search/search_index.json`` (one entry per page and per heading).
``enrich_index`` then, as pure data work:

- gives each reflection question an entry of its own (each dilemma card has one already: its
  question is a heading), so a search that finds one opens at the question, not at the top of a
  long page;
- names what each result is ("Princip", "Fase", "Dilemmakort", "Metode" …, words from
  ``templates/search_labels.yml``) in front of the titles of the pages and entries that stand for
  one thing;
- puts a method's or a term's abbreviation in the entry's ``tags``, a field the index weights far
  above the text, and its other names (``also_called``) in its text. The search worker reads the
  tags written in capitals as the abbreviations to match exactly: there is no such list in
  JavaScript.

The query side (compounds, letters typed without æ/ø/å, typos) is in
``docs/assets/javascripts/workers/danish-search-worker.js``; it builds its vocabulary from this
index when the index loads.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import partial

from . import paths
from .model import Content
from .words import template_words

def _kinds(file_urls: bool) -> tuple[tuple[str, re.Pattern], ...]:
    """Entries whose location matches a pattern get that kind's label before their title."""
    def item_page(folder: str) -> re.Pattern:
        return re.compile("^" + re.escape(paths.page_url(f"{folder}/ID.md", file_urls)).replace("ID", "[^/#]+") + "$")

    def entry_of(page: str) -> re.Pattern:
        return re.compile(rf"^{re.escape(paths.page_url(page, file_urls))}#.+$")
    return (("principle", item_page(paths.PRINCIPLES_DIR)), ("phase", item_page(paths.PHASES_DIR)),
            ("form", item_page(paths.FORMS_DIR)), ("tool", entry_of(paths.TOOLS_PAGE)),
            ("term", entry_of(paths.GLOSSARY_PAGE)))


@dataclass(frozen=True)
class Entry:
    location: str
    title: str
    text: str
    tags: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        entry = {"location": self.location, "title": self.title, "text": self.text}
        return entry | ({"tags": list(self.tags)} if self.tags else {})


def enrich_index(index: dict, content: Content, file_urls: bool = False) -> dict:
    """The theme's index with questions of their own, kinds named and other names as tags.
    ``file_urls`` when every page is a file (the offline copy)."""
    labels = template_words("search_labels")
    url = partial(paths.page_url, file_urls=file_urls)
    names = _other_names(content, url)
    card_titles = _card_titles(content, labels, url)
    kinds = _kinds(file_urls)
    docs = [_labelled(doc, labels, names, card_titles, kinds) for doc in index["docs"]]
    docs += [entry.as_dict() for entry in question_entries(content, labels, url)]
    return {**index, "docs": docs}


def question_entries(content: Content, labels: dict, url=paths.page_url) -> list[Entry]:
    """One entry per reflection question: in the question bank they are list items, not headings."""
    questions = url(paths.QUESTIONS_PAGE)
    # The question is the entry's text, not its title: titles weigh a thousand times more, and a
    # question shares its words with the pages that answer them.
    return [Entry(f"{questions}#{paths.bank_question_anchor(principle.id, question.id)}",
                  labels["question"].format(code=question.code),
                  f"<p>{html.escape(question.question)}</p> <p>{html.escape(labels['question_text'].format(number=principle.number, principle=principle.title))}</p>")
            for principle in content.principles for question in principle.reflection_questions]


def _card_titles(content: Content, labels: dict, url) -> dict[str, str]:
    """The dilemma cards' entries (each card's question is a heading) and the titles that name them."""
    cards = url(paths.DILEMMAS_PAGE)
    return {f"{cards}#{paths.card_question_anchor(principle.id, dilemma.id)}":
            labels["dilemma"].format(code=dilemma.code, title=dilemma.question)
            for principle in content.principles for dilemma in principle.dilemmas}


def _labelled(doc: dict, labels: dict, names: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
              card_titles: dict[str, str], kinds) -> dict:
    location = doc["location"]
    kind = next((kind for kind, pattern in kinds if pattern.match(location)), None)
    labelled = dict(doc)
    if kind:
        labelled["title"] = labels[kind].format(title=doc["title"])
    if location in card_titles:
        labelled["title"] = card_titles[location]
    abbreviations, also_called = names.get(location, ((), ()))
    if abbreviations:
        labelled["tags"] = list(dict.fromkeys([*doc.get("tags", []), *abbreviations]))
    if also_called:
        # In the text, not the tags: a tag weighs so much that a name's every prefix would win.
        text = html.escape(labels["also_called"].format(names=", ".join(also_called)))
        labelled["text"] = f"{doc['text']} <p>{text}</p>"
    return labelled


def _other_names(content: Content, url) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each method's and term's abbreviation, and its other names, by the location of its entry."""
    tools = url(paths.TOOLS_PAGE)
    glossary = url(paths.GLOSSARY_PAGE)
    names = {f"{tools}#{tool.id}": (tool.short_name or _as_abbreviation(tool.name), tuple(tool.also_called))
             for tool in content.tools}
    names |= {f"{glossary}#{term.id}": (term.term if term.abbreviation_of else None, tuple(term.also_called))
              for term in content.glossary.terms}
    return {location: ((abbreviation,) if abbreviation else (), also_called)
            for location, (abbreviation, also_called) in names.items() if abbreviation or also_called}


def _as_abbreviation(name: str) -> str | None:
    """A name written like an abbreviation (LA2, CHIME, FFB) is one."""
    return name if re.fullmatch(r"[A-ZÆØÅ0-9-]{2,6}", name) else None
