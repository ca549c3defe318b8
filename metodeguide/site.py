"""Every file the content adds to the site, and where the generated pages go in the navigation.

``site_files`` is the one list a site generator needs: Markdown pages (``.md``) to render with the
theme, and finished files (downloads, the short-code pages) to copy as they are. A new page type
or download is added here or in ``downloads``; the MkDocs adapter only loops over this.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from . import paths, rendering
from .downloads import download_files
from .model import Content
from .history import Change, item_dates
from .opendata import open_data_files
from .words import template_words


def site_files(content: Content, built: date, changes: list[Change] | None = None,
               file_urls: bool = False) -> dict[str, str | bytes]:
    """Path in the site -> content: Markdown for pages, text or bytes for everything else.
    ``built`` is the build's date and ``changes`` the content's git history (None without one),
    which the open data and the page "Nyt i guiden" carry; ``file_urls`` when every page is a file
    (the offline copy)."""
    return (rendering.generated_pages(content) | rendering.code_redirects(content, file_urls)
            | download_files(content, built)
            | {paths.CHANGES_PAGE: rendering.render_changes_page(content, changes)}
            | open_data_files(content, built, item_dates(content, changes or [])))


@dataclass(frozen=True)
class NavigationSection:
    """Generated pages listed after ``index_page``, in the navigation section that holds it."""

    index_page: str
    folder: str
    entries: Callable[[Content], list[dict[str, str]]]


NAVIGATION = (
    NavigationSection(f"{paths.PRINCIPLES_DIR}/index.md", paths.PRINCIPLES_DIR, rendering.principle_navigation),
    NavigationSection(f"{paths.PHASES_DIR}/index.md", paths.PHASES_DIR, rendering.phase_navigation),
    NavigationSection(paths.FORMS_PAGE, paths.FORMS_DIR, rendering.form_navigation),
    NavigationSection(paths.KITS_PAGE, paths.KITS_DIR, rendering.kit_navigation),
)


def footer(content: Content, file_urls: bool = False) -> dict:
    """What every page's footer shows: the publisher, whose publications the guide builds on, and
    the links in ``templates/footer.yml`` (addresses from the site root; the theme makes them
    relative to each page, and leaves a whole address as it is)."""
    publishers = list(dict.fromkeys(source.publisher for source in content.sources))
    return {
        "publisher": content.settings.publisher.model_dump(),
        "source_publishers": publishers,
        "links": [{"title": link["title"], "url": _footer_address(content, link["page"], file_urls)}
                  for link in template_words("footer")["links"]],
    }


def _footer_address(content: Content, page: str, file_urls: bool) -> str:
    """A page's address from the site root; the accessibility statement's is the one the publisher
    made in Digitaliseringsstyrelsen's WAS-Tool, when it has made one."""
    was_url = content.settings.accessibility.was_url
    if page == paths.ACCESSIBILITY_PAGE and was_url:
        return was_url
    return paths.page_url(page, file_urls)
