"""Pure functions from the content model to Markdown (with a little HTML).

Every page text lives in a Jinja template under ``templates/``; Python only chooses the template
and the data. Links are written to source pages (``principper/x.md#anker``) relative to the page
that holds them, so the site generator can check them and turn them into URLs.
"""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache

import jinja2

from .charts import bar_chart_svg, format_value
from .loading import Content
from .sorting import danish_sort_key
from .model import Phase, Principle

PRINCIPLES_DIR = "principper"
SOURCES_PAGE = "kilder.md"
TOOLS_PAGE = "metoder.md"
TAET_PAGE = "taet.md"
SAMARBEJDSMODELLEN_PAGE = "samarbejdsmodellen.md"
GLOSSARY_PAGE = "ordliste.md"
PHASES_DIR = "faser"
DILEMMAS_PAGE = "dilemmaer.md"
QUESTIONS_PAGE = "refleksionsspoergsmaal.md"
DECK_PDF = "downloads/dilemmakort.pdf"


def principle_page_path(principle: Principle) -> str:
    return f"{PRINCIPLES_DIR}/{principle.id}.md"


def phase_page_path(phase: Phase) -> str:
    return f"{PHASES_DIR}/{phase.id}.md"


def phase_anchor(phase_id: str) -> str:
    return f"fase-{phase_id}"


def dilemma_anchor(dilemma_id: str) -> str:
    return f"dilemma-{dilemma_id}"


def generated_pages(content: Content) -> dict[str, str]:
    """Every page made from the YAML alone: source path -> Markdown."""
    pages = {principle_page_path(p): render_principle_page(content, p) for p in content.principles}
    pages |= {phase_page_path(p): render_phase_page(content, p) for p in content.phases}
    return pages


def principle_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{p.number}. {p.title}": principle_page_path(p)} for p in content.principles]


def phase_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{number}. {p.name}": phase_page_path(p)} for number, p in enumerate(content.phases, start=1)]


def render_principle_page(content: Content, principle: Principle) -> str:
    return _render("principle.md.j2", principle_page_path(principle), content, principle=principle)


def render_phase_page(content: Content, phase: Phase) -> str:
    return _render("phase.md.j2", phase_page_path(phase), content, phase=phase)


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


# Parts of hand-written pages made from the content; each has its template "<name>.md.j2".
FRAGMENTS = (
    "principle_cards",
    "phase_matrix",
    "phase_list",
    "phase_descriptions",
    "reflection_questions",
    "dilemmas",
    "sources",
    "taet_model",
    "evaluation",
    "samarbejdsmodellen",
    "leadership",
    "recovery",
    "tools_catalogue",
    "glossary",
)


def render_fragment(name: str, content: Content, page: str) -> str:
    """Render one of FRAGMENTS for the page at source path ``page`` (links are relative to it)."""
    if name not in FRAGMENTS:
        raise ValueError(f"unknown fragment {name!r}")
    return _render(f"{name}.md.j2", page, content)


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Path from one source page to another, as Markdown links between .md files want it."""
    path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


def _sort_danish(items, attribute: str):
    return sorted(items, key=lambda item: danish_sort_key(getattr(item, attribute)))


def _group_by_first_letter(items):
    """Items already sorted -> [(letter, items)], for an A-Å list with a heading per letter."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(item.term[0].upper(), []).append(item)
    return list(groups.items())


def _render(template_name: str, page: str, content: Content, **data) -> str:
    template = _environment().get_template(template_name)
    return template.render(content=content, page=page, link=lambda to, anchor="": relative_link(page, to, anchor), **data)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("metodeguide", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; HTML contexts escape with |e
        # Markdown anchors are written "{#id}", which is Jinja's default comment start.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    environment.globals.update(
        principle_page_path=principle_page_path,
        phase_anchor=phase_anchor,
        dilemma_anchor=dilemma_anchor,
        SOURCES_PAGE=SOURCES_PAGE,
        TOOLS_PAGE=TOOLS_PAGE,
        TAET_PAGE=TAET_PAGE,
        SAMARBEJDSMODELLEN_PAGE=SAMARBEJDSMODELLEN_PAGE,
        DILEMMAS_PAGE=DILEMMAS_PAGE,
        QUESTIONS_PAGE=QUESTIONS_PAGE,
        DECK_PDF=DECK_PDF,
        phase_page_path=phase_page_path,
        bar_chart_svg=bar_chart_svg,
        format_value=format_value,
    )
    environment.filters.update(sort_danish=_sort_danish, groupby_first_letter=_group_by_first_letter,
                               first_sentence=first_sentence)
    return environment
