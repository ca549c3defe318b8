"""A small reader for built HTML pages, on the standard library's parser."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path


NOT_RUNNING_TEXT = {"h1", "h2", "h3", "h4", "h5", "h6", "nav", "header", "footer", "title"}


class Page(HTMLParser):
    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.duplicate_ids: set[str] = set()
        self.elements: dict[str, dict] = {}  # id -> the element's tag and attributes
        self.links: list[str] = []
        self.content_links: list[str] = []  # links in the page's own text, not the navigation
        self._article = 0
        self.resources: list[str] = []  # src/href that the browser loads by itself
        self._text: list[str] = []
        self._running: list[str] = []  # text outside headings and site chrome
        self._linkable: list[str] = []  # running text outside links: where a glossary link may go
        self._in_link = 0
        self._skip = 0
        self._not_running = 0
        self.feed(path.read_text(encoding="utf-8"))
        self.text = re.sub(r"\s+", " ", "".join(self._text))
        self.running_text = re.sub(r"\s+", " ", "".join(self._running))
        self.linkable_text = re.sub(r"\s+", " ", "".join(self._linkable))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.duplicate_ids.add(attributes["id"])
            self.ids.add(attributes["id"])
            self.elements[attributes["id"]] = {"tag": tag, **attributes}
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
            if self._article:
                self.content_links.append(attributes["href"])
        if tag == "article":
            self._article += 1
        if tag == "a":
            self._in_link += 1
        if tag in {"script", "img", "iframe", "source"} and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("href") and attributes.get("rel") not in ("canonical",):
            self.resources.append(attributes["href"])
        if tag in {"script", "style"}:
            self._skip += 1
        if tag in NOT_RUNNING_TEXT:
            self._not_running += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if tag == "a":
            self._in_link -= 1
        if tag in {"script", "style"}:
            self._skip -= 1
        if tag in NOT_RUNNING_TEXT:
            self._not_running -= 1

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)
            if not self._not_running:
                self._running.append(data)
                if not self._in_link:
                    self._linkable.append(data)


def normalise(text: str) -> str:
    """Text as it reads on the page: Markdown emphasis gone, white space folded."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def is_code_redirect(path: Path, site_dir: Path) -> bool:
    """k/<code>/index.html: a short address that only sends the reader on, not a page of the site."""
    parts = path.relative_to(site_dir).parts
    return len(parts) == 3 and parts[0] == "k" and parts[2] == "index.html"


def site_pages(site_dir: Path, pattern: str = "*.html") -> list[Path]:
    """Every page the theme built (the 404 page too), without the short-code redirects."""
    return sorted(p for p in site_dir.rglob(pattern) if not is_code_redirect(p, site_dir))


def expected_page_urls(project_dir: Path) -> list[str]:
    """Every page the site should have, as paths from its root: hand-written, generated and 404.

    Worked out from the sources, not from a built site, so tests can be made one per page before
    anything is built."""
    from metodeguide import paths, rendering
    from metodeguide.loading import load_content

    docs = project_dir / "docs"
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    sources += list(rendering.generated_pages(load_content(project_dir / "content")))
    sources.append(paths.CHANGES_PAGE)   # generated from the git history, beside the content's pages
    return sorted([paths.page_url(source) for source in sources] + ["404.html"])


class _HiddenText(HTMLParser):
    """The text of every element with one of ``classes``, as a screen reader or a narrow screen has it."""

    def __init__(self, classes: set[str]):
        super().__init__(convert_charrefs=True)
        self.classes, self.depth, self.texts = classes, 0, []

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}  # never closed

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in self.VOID
        elif self.classes & set((dict(attrs).get("class") or "").split()) and tag not in self.VOID:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def hidden_texts(html: str, classes: set[str]) -> list[str]:
    """The text of each element with one of ``classes`` (e.g. mg-sr-only), white space folded."""
    parser = _HiddenText(classes)
    parser.feed(html)
    return [normalise(text) for text in parser.texts if text.strip()]
