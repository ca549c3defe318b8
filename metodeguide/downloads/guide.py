"""The whole guide as one PDF (``downloads/metodeguide.pdf``), made at build from the loaded content.

The pages are the site's own: the Markdown the renderers write (and the hand-written pages under
``docs/`` with their fragment calls filled in, as mkdocs-macros fills them) turned into HTML by
Python-Markdown with the extensions ``mkdocs.yml`` lists. The pages then go into one document
(``templates/guide_document.html.j2``: a cover, the contents with page numbers, the parts) that
WeasyPrint lays out as a tagged PDF/UA file in Danish, styled by ``form_print.css`` (the forms,
printed empty) and ``guide_print.css``.

In one document the pages' ids would clash, so every id gets its page's prefix
(``principper-foelg-op--dilemma-x``) and every link between pages the document holds becomes a link
inside it; a link to a page it does not hold (the planner, a phase page, a download) keeps its text
and loses the link. A page's headings go one level down when it is not the first of its part, so
the part's title is the only first-level heading: WeasyPrint makes the bookmarks from them.
"""
from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import tempfile
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import markdown
import yaml
from markupsafe import Markup

from .. import paths, programme, rendering
from ..glossary import link_with, official_names, term_pattern
from ..history import danish_date
from ..model import Content
from ..words import template_words

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCS_DIR = PROJECT_DIR / "docs"
MKDOCS_CONFIG = PROJECT_DIR / "mkdocs.yml"

# Laying out some 160 pages takes WeasyPrint about 10 s of CPU, more than the rest of the build, so
# the PDF is kept here and made again only when its HTML changes (the build date changes it daily).
CACHE_DIR = Path(tempfile.gettempdir()) / "metodeguide-pdf"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FRAGMENT_CALL = re.compile(r"\{\{\s*(\w+)\(\)\s*\}\}")
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
HREF = re.compile(r'\shref="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'(\s(?:id|for|headers|aria-labelledby|aria-describedby))="([^"]*)"')
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
FIRST_HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
EXTERNAL = re.compile(r"^(https?|mailto):", re.IGNORECASE)   # another scheme is a page of the site
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def guide_parts(content: Content) -> list[list[str]]:
    """The parts in the order they are printed, each a list of source pages; the first names the part."""
    return [
        [f"{paths.PRINCIPLES_DIR}/index.md", *map(paths.principle_page_path, content.principles)],
        ["fasematrix.md"],
        [paths.TAET_PAGE, "taet/evaluering.md"],
        [paths.SAMARBEJDSMODELLEN_PAGE],
        [paths.TOOLS_PAGE],
        ["ledere.md"],
        [paths.KITS_PAGE, *map(paths.kit_page_path, programme.kit_focuses(content))],
        [paths.FORMS_PAGE, *map(paths.form_page_path, content.forms)],
        [paths.GLOSSARY_PAGE],
        [paths.SOURCES_PAGE],
    ]


def guide_pdf(content: Content, built: date) -> bytes:
    """The PDF, laid out anew only when its HTML (content, templates, styles, date) has changed."""
    document = guide_html(content, built)
    cached = CACHE_DIR / f"{_cache_key(document)}.pdf"
    if cached.is_file():
        return cached.read_bytes()
    pdf = pdf_from_html(document)
    _keep(cached, pdf)
    return pdf


def pdf_from_html(document: str) -> bytes:
    import weasyprint  # here, not at the top: the quick tests run without WeasyPrint and Pango

    return weasyprint.HTML(string=document).write_pdf(**PDF_OPTIONS)


def _cache_key(document: str) -> str:
    made_with = f"{metadata.version('weasyprint')} {PDF_OPTIONS}"
    return hashlib.sha256(f"{made_with}\n{document}".encode()).hexdigest()


def _keep(cached: Path, pdf: bytes) -> None:
    """The newest PDF only, written whole before it takes the name (builds may run side by side)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in CACHE_DIR.glob("*.pdf"):
        old.unlink(missing_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(pdf)
    os.replace(partial, cached)


def guide_html(content: Content, built: date) -> str:
    """The whole guide as one HTML document, ready for WeasyPrint."""
    parts = guide_parts(content)
    anchors = {page: page_anchor(page) for part in parts for page in part}
    sources = generated_sources(content)
    terms = term_pattern(content.glossary.terms, keep=official_names(content))
    printed = [[_page(_source(content, page, sources), page, terms, anchors, first=number == 0)
                for number, page in enumerate(part)] for part in parts]
    return rendering.render_guide_document(
        content, built=danish_date(built, template_words("changes_labels")),
        parts=[{"title": pages[0]["title"], "anchor": pages[0]["anchor"], "pages": pages} for pages in printed])


def _source(content: Content, page: str, generated: dict[str, str]) -> str:
    """A page's Markdown: made from the YAML, or read from docs/ with its fragments filled in."""
    if page in generated:
        return FRONT_MATTER.sub("", generated[page], count=1)
    return handwritten_markdown(content, page, (DOCS_DIR / page).read_text(encoding="utf-8"))


def _page(source: str, page: str, terms, anchors: dict[str, str], first: bool) -> dict:
    """A page as the document template wants it: its title, its anchor and its HTML."""
    body = markdown_to_html(with_glossary_links(terms, page, source))
    title = html.unescape(TAG.sub("", FIRST_HEADING.search(body).group(1))).strip()
    body = in_document(body, page, anchors)
    return {"title": title, "anchor": anchors[page], "html": Markup(body if first else demote_headings(body))}


def generated_sources(content: Content) -> dict[str, str]:
    """The pages the guide prints that the YAML alone makes: source path -> Markdown."""
    pages = {paths.principle_page_path(p): rendering.render_principle_page(content, p) for p in content.principles}
    pages |= {paths.kit_page_path(focus): rendering.render_kit_page(content, focus)
              for focus in programme.kit_focuses(content)}
    pages |= {paths.form_page_path(form): rendering.render_guide_form(content, form) for form in content.forms}
    return pages


def handwritten_markdown(content: Content, page: str, text: str) -> str:
    """A page under docs/ as mkdocs-macros renders it: without front matter, each {{ fragment() }} filled in."""
    body = FRONT_MATTER.sub("", text, count=1)
    return FRAGMENT_CALL.sub(lambda call: rendering.render_fragment(call.group(1), content, page), body)


def with_glossary_links(terms, page: str, text: str) -> str:
    """The first mention of each term links to the glossary, as on the site (not on the glossary
    itself); ``terms`` is ``glossary.term_pattern``'s matcher."""
    if page == paths.GLOSSARY_PAGE:
        return text
    return link_with(text, terms, lambda term: rendering.relative_link(page, paths.GLOSSARY_PAGE, term.id))


def markdown_to_html(text: str) -> str:
    extensions, configs = markdown_extensions()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


@lru_cache(maxsize=1)
def markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The site's Python-Markdown extensions and their settings, read from mkdocs.yml, so the PDF's
    pages are made exactly as the site's (its slugify is a Python object, hence the full loader)."""
    config = yaml.load(MKDOCS_CONFIG.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (our own file)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            configs[name] = settings
    return names, configs


class _ConfigLoader(yaml.UnsafeLoader):
    """Reads mkdocs.yml's Python objects; MkDocs's own tags (!ENV) are no concern of the PDF's."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def page_anchor(page: str) -> str:
    """The id of a page inside the one document, and the prefix of every id on it: principper-foelg-op."""
    return page.removesuffix(".md").removesuffix("/index").replace("/", "-")


def in_document(body: str, page: str, anchors: dict[str, str]) -> str:
    """The page's ids prefixed with its anchor, and its links pointing inside the document."""
    prefix = anchors[page]
    body = ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{" ".join(f"{prefix}--{i}" for i in m.group(2).split())}"', body)
    return LINK.sub(lambda m: _link(m.group(1), m.group(2), page, anchors), body)


def _link(attributes: str, text: str, page: str, anchors: dict[str, str]) -> str:
    href = HREF.search(attributes)
    target = link_target(href.group(1), page, anchors) if href else None
    if target is None:
        return f"<span>{text}</span>"   # a page the PDF does not hold: the words stay, the link goes
    new_href = f' href="{html.escape(target)}"'
    return f"<a{HREF.sub(lambda _: new_href, attributes, count=1)}>{text}</a>"


def link_target(href: str, page: str, anchors: dict[str, str]) -> str | None:
    """Where a link on ``page`` leads in the document: #anchor, an address outside, or None."""
    href = html.unescape(href)
    if EXTERNAL.match(href):
        return href
    if SCHEME.match(href):
        return None
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if target not in anchors:
        return None
    return f"#{anchors[target]}--{fragment}" if fragment else f"#{anchors[target]}"


def demote_headings(body: str) -> str:
    """Every heading one level down (a sixth-level heading stays one)."""
    return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", body)
