"""The only file that knows about MkDocs: a thin adapter over the ``metodeguide`` package.

It is loaded twice, by design: as an MkDocs hook (``hooks:`` in mkdocs.yml) to add the generated
pages and their navigation, and as the mkdocs-macros module (``module_name``) so hand-written pages
can call the renderers, e.g. ``{{ phase_matrix() }}``. The content is loaded once per build
either way: ``load_content_cached`` keeps it until a content file changes.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import sys
from datetime import date
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from metodeguide import paths, rendering  # noqa: E402
from metodeguide.history import item_dates, page_changed, read_history  # noqa: E402
from metodeguide.glossary import link_with, official_names, term_pattern  # noqa: E402
from metodeguide.loading import load_content_cached  # noqa: E402
from metodeguide.model import Content  # noqa: E402
from metodeguide.problems import ContentError  # noqa: E402
from metodeguide.search import enrich_index  # noqa: E402
from metodeguide.site import NAVIGATION, footer, site_files  # noqa: E402

CONTENT_DIR = PROJECT_DIR / "content"
OFFLINE_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"   # a copy of npm's iframe-worker/shim


def content() -> Content:
    try:
        return load_content_cached(CONTENT_DIR)
    except ContentError as error:
        raise PluginError(error.report()) from None


# --- MkDocs hooks -------------------------------------------------------------------------------

def on_config(config):
    """Validate the content before anything is built, and list the generated pages in the navigation."""
    for section in NAVIGATION:
        _add_to_navigation(config["nav"], section.index_page, section.folder, section.entries(content()))
    config["extra"]["metodeguide_footer"] = footer(content(), _file_urls(config))   # read by partials/copyright.html
    # The offline build's worker shim (search from file://) comes from the site itself, not unpkg.com.
    config["extra"]["polyfills"] = [OFFLINE_WORKER_SHIM if "iframe-worker" in str(script) else script
                                    for script in config["extra"].get("polyfills", [])]
    return config


def on_files(files, config):
    """Add every generated page and file; MkDocs renders the .md ones and copies the rest."""
    for path, data in site_files(content(), build_date(), content_history(), _file_urls(config)).items():
        files.append(File.generated(config, path, content=data))
    return files


def _file_urls(config) -> bool:
    """Whether every page is a file (the offline copy: Material's offline plugin turns directory
    URLs off), so the addresses this adapter hands out must name files."""
    return not config["use_directory_urls"]


def build_date() -> date:
    """Today, or the date SOURCE_DATE_EPOCH names (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return date.fromtimestamp(int(epoch)) if epoch else date.today()


def on_page_markdown(markdown, page, config, files):
    """Link glossary terms where they first appear, and say when the page's content last changed
    (runs after mkdocs-macros has rendered)."""
    source_page = page.file.src_uri
    if source_page != paths.GLOSSARY_PAGE:
        markdown = link_with(markdown, _term_matcher(content()),
                             lambda term: rendering.relative_link(source_page, paths.GLOSSARY_PAGE, term.id))
    return markdown + _changed_line(page)


PAGE_LINK = re.compile(rf'href="{re.escape(paths.PAGE_LINK_SCHEME)}([^"#]+)(#[^"]*)?"')


def on_page_content(html, page, config, files):
    """Turn the page links that raw HTML carries (paths.page_link) into addresses relative to the page:
    to a page, or to a file scripts/build.py adds after MkDocs (paths.MADE_AFTER_THE_BUILD)."""
    def address(match):
        target = files.get_file_from_path(match.group(1))
        if target is not None:
            return f'href="{target.url_relative_to(page.file)}{match.group(2) or ""}"'
        if match.group(1) in paths.MADE_AFTER_THE_BUILD:   # not among MkDocs' files: from the page's own address
            where = posixpath.dirname(page.file.url) or "."
            return f'href="{posixpath.relpath(match.group(1), where)}{match.group(2) or ""}"'
        raise PluginError(f"{page.file.src_uri}: ukendt side {match.group(1)}")
    return PAGE_LINK.sub(address, html)


FRAGMENT_CALL = re.compile(r"\{\{\s*(\w+)\(\)\s*\}\}")


def _changed_line(page) -> str:
    """"Sidst ændret" from the content behind the page: its generated item, or the fragments its
    source calls (read from the page's source, as written, before mkdocs-macros rendered it)."""
    dates = _item_dates(content())
    if not dates:
        return ""
    fragments = set(FRAGMENT_CALL.findall(page.file.content_string))
    day = page_changed(page.file.src_uri, content(), dates, fragments)
    return rendering.changed_line(day) if day else ""


_per_content: dict[str, tuple] = {}


def _once_per_content(name: str, loaded: Content, compute):
    """``compute(loaded)``, worked out once per loaded content, not once per page (a new load means
    changed content, so what was worked out for the old one is dropped)."""
    cached = _per_content.get(name)
    if cached is None or cached[0] is not loaded:
        _per_content[name] = cached = (loaded, compute(loaded))
    return cached[1]


def _item_dates(loaded: Content) -> dict:
    """When each item last changed."""
    return _once_per_content("item dates", loaded, lambda c: item_dates(c, content_history() or []))


_history: list = []


def content_history():
    """The content's git history, read once per build; without git, the build says so once."""
    if not _history:
        _history.append(read_history(PROJECT_DIR))
        if _history[0] is None:
            logging.getLogger("mkdocs").info("Ingen git-historik: siderne viser ikke, hvornår de sidst er ændret.")
    return _history[0]


def _term_matcher(loaded: Content):
    """The glossary's pattern."""
    return _once_per_content("glossary pattern", loaded,
                             lambda c: term_pattern(c.glossary.terms, keep=official_names(c)))


def on_post_build(config):
    """Rewrite the theme's search index so search answers the way caseworkers search
    (``metodeguide.search``). Hooks run after the plugins, so the index is written by now.
    mkdocs-macros calls a function of this name in its module too, with its own plugin object:
    that call has nothing to do here."""
    if not hasattr(config, "keys") or "site_dir" not in config:
        return
    index_file = Path(config["site_dir"]) / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    enriched = enrich_index(index, content(), _file_urls(config))
    index_file.write_text(json.dumps(enriched, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_serve(server, config, builder):
    server.watch(str(CONTENT_DIR))
    server.watch(str(PROJECT_DIR / "metodeguide"))
    return server


def _add_to_navigation(nav, index_page, folder, entries) -> None:
    """Put the generated pages of ``folder`` after ``index_page`` in the section that holds it."""
    section = _section_holding(nav, index_page)
    if section is None:
        raise PluginError(f"mkdocs.yml: nav skal have en sektion med {index_page}")
    section[:] = [entry for entry in section if _names(entry, index_page) or not _is_in(entry, folder + "/")]
    section.extend(entries)


def _section_holding(nav, page):
    for entry in nav or []:
        children = next(iter(entry.values())) if isinstance(entry, dict) else None
        if isinstance(children, list):
            if any(_names(child, page) for child in children):
                return children
            found = _section_holding(children, page)
            if found is not None:
                return found
    return None


def _names(entry, page: str) -> bool:
    return entry == page or (isinstance(entry, dict) and next(iter(entry.values())) == page)


def _is_in(entry, folder: str) -> bool:
    return isinstance(entry, dict) and str(next(iter(entry.values()))).startswith(folder)


# --- mkdocs-macros ------------------------------------------------------------------------------

def define_env(env):
    """Renderers that hand-written pages may call; each links relative to the page it is on."""

    def current_page() -> str:
        return env.page.file.src_uri

    for name in rendering.FRAGMENTS:
        env.macro(lambda name=name: rendering.render_fragment(name, content(), current_page(), build_date()), name)
