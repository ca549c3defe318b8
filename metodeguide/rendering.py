"""Pure functions from the content model to Markdown (with a little HTML).

Every page text lives in a Jinja template under ``templates/``; Python only chooses the template
and the data. Links are written to source pages (``principper/x.md#anker``) relative to the page
that holds them, so the site generator can check them and turn them into URLs. Every value put
into a template is HTML-escaped unless it is marked safe, so a ``<`` in the YAML shows as text.
"""
from __future__ import annotations

import html
import json
import posixpath
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import get_args

import jinja2
from markupsafe import Markup

from . import history, opendata, paths, planner, programme
from .charts import bar_chart_svg, format_value
from .codes import citable_items, retired_codes
from .form_fields import HEADING_LINES, field_names, heading_line
from .model import Content, Form, Phase, Principle, Role
from .readability import form_lix
from .sorting import danish_sort_key
from .text import first_sentence, paragraph_texts
from .words import form_labels, template_words


def generated_pages(content: Content) -> dict[str, str]:
    """Every page made from the YAML alone: source path -> Markdown."""
    pages = {paths.principle_page_path(p): render_principle_page(content, p) for p in content.principles}
    pages |= {paths.phase_page_path(p): render_phase_page(content, p) for p in content.phases}
    pages |= {paths.form_page_path(f): render_form_page(content, f) for f in content.forms}
    pages[paths.CODES_PAGE] = _render("codes.md.j2", paths.CODES_PAGE, content, items=citable_items(content),
                                      retired=retired_codes(content))
    pages |= {paths.kit_page_path(focus): render_kit_page(content, focus) for focus in programme.kit_focuses(content)}
    pages[paths.PLANNER_PAGE] = render_planner_page(content)
    return pages


def render_changes_page(content: Content, changes: list[history.Change] | None) -> str:
    """"Nyt i guiden": the content's changes day by day, from the git history (none without it)."""
    words = template_words("changes_labels")
    days = [(day, history.change_entries(content, day_changes, words))
            for day, day_changes in history.changes_by_day(changes or [])]
    return _render("changes.md.j2", paths.CHANGES_PAGE, content, days=days, kinds=words["kinds"],
                   day_text=lambda day: history.danish_date(day, words))


def changed_line(day) -> str:
    """The line at the end of a page that says when its content last changed."""
    words = template_words("changes_labels")
    text = html.escape(words["changed_line"].format(date=history.danish_date(day, words)))
    return f'\n\n<p class="mg-changed">{text}</p>\n'


def render_planner_page(content: Content) -> str:
    focus_labels = {planner.focus_key(focus): _kit_title(content, focus) for focus in programme.focuses(content)}
    return _render("planner.md.j2", paths.PLANNER_PAGE, content, focuses=programme.focuses(content),
                   focus_key=planner.focus_key, focus_labels=focus_labels,
                   data=planner.planner_data(content) | {"focusLabels": focus_labels})


def render_kit_page(content: Content, focus: programme.Focus) -> str:
    blocks = programme.kit(content, focus)
    return _render("kit.md.j2", paths.kit_page_path(focus), content, focus=focus,
                   focus_item=programme.focus_item(content, focus),
                   schedule=programme.schedule(blocks, programme.kit_start(content)),
                   planner_link=paths.page_link(paths.PLANNER_PAGE, planner.kit_fragment(content, focus)),
                   materials=programme.materials(content, blocks))


def kit_navigation(content: Content) -> list[dict[str, str]]:
    return [{_kit_title(content, focus): paths.kit_page_path(focus)} for focus in programme.kit_focuses(content)]


def _kit_title(content: Content, focus: programme.Focus) -> str:
    """The kit's focus as the navigation and the overview name it (templates/kit_labels.yml)."""
    item = programme.focus_item(content, focus)
    return template_words("kit_labels")[focus.kind].format(**item.model_dump())


def code_redirects(content: Content, file_urls: bool = False) -> dict[str, str]:
    """A tiny page per short code, k/<code>/, that sends the reader on to the item (no JavaScript);
    ``file_urls`` for the offline copy, whose pages are files."""
    template = _environment().get_template("code_redirect.html.j2")
    # A code in use leads to its item; a retired one to its line in the list of codes.
    leads = [(item.code, item, item.page, item.anchor) for item in citable_items(content)]
    leads += [(code, None, paths.CODES_PAGE, code.lower()) for code in retired_codes(content)]
    redirects = {}
    for code, item, page, anchor in leads:
        path = paths.code_redirect_path(code)
        redirects[path] = template.render(code=code, item=item, target=relative_url(path, page, anchor, file_urls))
    return redirects


def principle_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{p.number}. {p.title}": paths.principle_page_path(p)} for p in content.principles]


def phase_navigation(content: Content) -> list[dict[str, str]]:
    return [{f"{number}. {p.name}": paths.phase_page_path(p)} for number, p in enumerate(content.phases, start=1)]


def form_navigation(content: Content) -> list[dict[str, str]]:
    return [{f.title: paths.form_page_path(f)} for f in content.forms]


def render_principle_page(content: Content, principle: Principle) -> str:
    return _render("principle.md.j2", paths.principle_page_path(principle), content, principle=principle)


def render_phase_page(content: Content, phase: Phase) -> str:
    return _render("phase.md.j2", paths.phase_page_path(phase), content, phase=phase)


def render_form_page(content: Content, form: Form) -> str:
    return _render("form.md.j2", paths.form_page_path(form), content, form=form)


def form_body(form: Form) -> Markup:
    """The form's questions as HTML: the same markup on the page, on paper and in the PDF."""
    return Markup(_environment().get_template("form_body.html.j2").render(form=form))


def render_form_document(form: Form) -> str:
    """A whole HTML document for one form, with its print styles inline (for the PDF)."""
    stylesheet = resources.files("metodeguide").joinpath("templates/form_print.css").read_text(encoding="utf-8")
    return _environment().get_template("form_document.html.j2").render(form=form, stylesheet=Markup(stylesheet))


def render_guide_form(content: Content, form: Form) -> str:
    """A form in the whole guide's PDF, printed empty: its title, purpose and questions (``form_body``)."""
    return _render("guide_form.md.j2", paths.form_page_path(form), content, form=form)


def render_guide_document(content: Content, built: str, parts: list[dict]) -> str:
    """The whole guide as one HTML document for the PDF (``downloads/guide.py``): the cover, the
    contents and the parts, whose pages' HTML is Markup; the forms' and the guide's print styles inline."""
    stylesheet = "\n".join(resources.files("metodeguide").joinpath(f"templates/{name}").read_text(encoding="utf-8")
                           for name in ("form_print.css", "guide_print.css"))
    return _environment().get_template("guide_document.html.j2").render(
        content=content, built=built, parts=parts, stylesheet=Markup(stylesheet))


def paragraphs(text: str) -> Markup:
    """Paragraphs of plain text as escaped HTML."""
    return Markup("".join(f"<p>{html.escape(part)}</p>" for part in paragraph_texts(text)))


def yaml_string(text: str) -> Markup:
    """A value for front matter, quoted so that a colon or a quotation mark cannot break it."""
    return Markup(json.dumps(" ".join(str(text).split()), ensure_ascii=False))  # JSON strings are YAML


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
    "kits_overview",
    "open_data",
    "about_guide",
    "accessibility_statement",
)


def render_fragment(name: str, content: Content, page: str, built: date | None = None) -> str:
    """Render one of FRAGMENTS for the page at source path ``page`` (links are relative to it);
    ``built``, the build's date, for the fragments that show it ("Om guiden")."""
    if name not in FRAGMENTS:
        raise ValueError(f"unknown fragment {name!r}")
    return _render(f"{name}.md.j2", page, content, built=built)


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Path from one source page to another, as Markdown links between .md files want it."""
    path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


def relative_url(from_file: str, to_page: str, anchor: str = "", file_urls: bool = False) -> str:
    """Address of a page's built URL (``principper/x/``, or ``principper/x.html`` in the offline
    copy) from a built file, for plain HTML links."""
    url = paths.page_url(to_page, file_urls)
    path = posixpath.relpath(url or ".", posixpath.dirname(from_file) or ".") + ("" if file_urls else "/")
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
        autoescape=True,   # Markdown passes HTML through, so content text is escaped in every template
        # Markdown anchors are written "{#id}", which is Jinja's default comment start.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    environment.globals.update(
        {name: getattr(paths, name) for name in dir(paths) if name.isupper() or name.endswith(("_path", "_anchor"))},
        form_file=paths.form_file,
        form_body=form_body,
        field_names=field_names,
        heading_line=heading_line,
        HEADING_LINES=HEADING_LINES,
        labels=form_labels(),
        form_lix=form_lix,
        ROLES=get_args(Role),
        bar_chart_svg=lambda chart: Markup(bar_chart_svg(chart)),
        clock_time=programme.clock_time,
        kit_focuses=programme.kit_focuses,
        kit_title=_kit_title,
        block_materials=lambda content, planned: programme.materials(content, [planned]),
        kit_page_path=paths.kit_page_path,
        open_data_names=[*opendata.PARTS, opendata.EVERYTHING],
        open_data_path=opendata.data_path,
        open_data_schema_path=opendata.schema_path,
        open_data_labels=template_words("open_data_labels"),
        format_value=format_value,
        page_link=paths.page_link,
        danish_date=lambda day: history.danish_date(day, template_words("changes_labels")),
    )
    environment.filters.update(sort_danish=_sort_danish, groupby_first_letter=_group_by_first_letter,
                               first_sentence=first_sentence, paragraphs=paragraphs, yaml_string=yaml_string)
    return environment
