"""Pure functions from the content model to Markdown (with a little HTML).

Every page text lives in a Jinja template under ``templates/``; Python only chooses the template
and the data. Links are written to source pages (``principper/x.md#anker``) relative to the page
that holds them, so the site generator can check them and turn them into URLs.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache
from importlib import resources
from typing import get_args

import jinja2
import yaml

from .charts import bar_chart_svg, format_value
from .loading import Content
from .model import Form, Phase, Principle, Role
from .readability import form_lix
from .sorting import danish_sort_key

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
FORMS_DIR = "skemaer"
FORMS_PAGE = "skemaer.md"   # beside the folder, not its index: a section index page loses its table of contents


def principle_page_path(principle: Principle) -> str:
    return f"{PRINCIPLES_DIR}/{principle.id}.md"


def phase_page_path(phase: Phase) -> str:
    return f"{PHASES_DIR}/{phase.id}.md"


def form_page_path(form: Form) -> str:
    return f"{FORMS_DIR}/{form.id}.md"


def form_file(form: Form, extension: str) -> str:
    """Where a form's download lives in the site: downloads/skemaer/<id>.pdf or .docx."""
    return f"downloads/{FORMS_DIR}/{form.id}.{extension}"


def phase_anchor(phase_id: str) -> str:
    return f"fase-{phase_id}"


def dilemma_anchor(dilemma_id: str) -> str:
    return f"dilemma-{dilemma_id}"


def generated_pages(content: Content) -> dict[str, str]:
    """Every page made from the YAML alone: source path -> Markdown."""
    pages = {principle_page_path(p): render_principle_page(content, p) for p in content.principles}
    pages |= {phase_page_path(p): render_phase_page(content, p) for p in content.phases}
    pages |= {form_page_path(f): render_form_page(content, f) for f in content.forms}
    return pages


def principle_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{p.number}. {p.title}": principle_page_path(p)} for p in content.principles]


def phase_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{number}. {p.name}": phase_page_path(p)} for number, p in enumerate(content.phases, start=1)]


def form_navigation(content: Content) -> list[dict[str, str]]:
    return [{f.title: form_page_path(f)} for f in content.forms]


def render_principle_page(content: Content, principle: Principle) -> str:
    return _render("principle.md.j2", principle_page_path(principle), content, principle=principle)


def render_phase_page(content: Content, phase: Phase) -> str:
    return _render("phase.md.j2", phase_page_path(phase), content, phase=phase)


def render_form_page(content: Content, form: Form) -> str:
    return _render("form.md.j2", form_page_path(form), content, form=form)


def form_body(form: Form) -> str:
    """The form's questions as HTML: the same markup on the page, on paper and in the PDF."""
    return _environment().get_template("form_body.html.j2").render(form=form)


def render_form_document(form: Form) -> str:
    """A whole HTML document for one form, with its print styles inline (for the PDF)."""
    stylesheet = resources.files("metodeguide").joinpath("templates/form_print.css").read_text(encoding="utf-8")
    return _environment().get_template("form_document.html.j2").render(form=form, stylesheet=stylesheet)


@lru_cache(maxsize=None)
def template_words(name: str) -> dict:
    """The words in ``templates/<name>.yml`` (labels around content that is not a page)."""
    text = resources.files("metodeguide").joinpath(f"templates/{name}.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def form_labels() -> dict:
    return template_words("form_labels")


def paragraph_texts(text: str) -> list[str]:
    """Plain text with blank lines between paragraphs, as one line of text per paragraph."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip())]


def paragraphs(text: str) -> str:
    """The same paragraphs as escaped HTML."""
    return "".join(f"<p>{html.escape(part)}</p>" for part in paragraph_texts(text))


def yaml_string(text: str) -> str:
    """A value for front matter, quoted so that a colon or a quotation mark cannot break it."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)  # JSON strings are YAML


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
    "forms_overview",
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
        form_page_path=form_page_path,
        form_file=form_file,
        form_body=form_body,
        FORMS_PAGE=FORMS_PAGE,
        labels=form_labels(),
        form_lix=form_lix,
        ROLES=get_args(Role),
        bar_chart_svg=bar_chart_svg,
        format_value=format_value,
    )
    environment.filters.update(sort_danish=_sort_danish, groupby_first_letter=_group_by_first_letter,
                               first_sentence=first_sentence, paragraphs=paragraphs, yaml_string=yaml_string)
    return environment
