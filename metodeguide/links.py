"""Marks each link whose text is its own address, so that print shows the other links' addresses.

On paper a link cannot be followed, so the print style sheet writes an external link's address after
its text: "Creative Commons (https://creativecommons.org/…)". A link whose text already is the
address (a bare address in the content, which ``pymdownx.magiclink`` or ``<https://…>`` made a link)
would then print it twice; this extension gives such a link ``class="mg-bare-link"``, and the style
sheet leaves it as it is. The text counts as the address without its scheme, a leading ``www.`` and a
trailing slash, in any case.

A Python-Markdown extension (``markdown_extensions: - metodeguide.links`` in mkdocs.yml); it knows
nothing of MkDocs. It sees every link the Markdown makes, in raw HTML with ``markdown="1"`` too; a link
written as raw HTML is left as it is, and prints its address after its text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

BARE_CLASS = "mg-bare-link"
EXTERNAL = re.compile(r"^https?://", re.IGNORECASE)


def _address(text: str) -> str:
    text = re.sub(r"^[a-z]+://", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^www\.", "", text, flags=re.IGNORECASE)
    return text.rstrip("/").lower()


def is_bare(link: etree.Element) -> bool:
    """An external link whose text is its own address."""
    href = link.get("href", "")
    return bool(EXTERNAL.match(href)) and _address("".join(link.itertext())) == _address(href)


class BareLinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if is_bare(link):
                classes = (link.get("class") or "").split()
                link.set("class", " ".join(classes + [BARE_CLASS]))


class BareLinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (priority 20), which make the links.
        md.treeprocessors.register(BareLinkTreeprocessor(md), "mg_bare_link", 3)


def makeExtension(**kwargs) -> BareLinkExtension:  # noqa: N802 (Python-Markdown's name)
    return BareLinkExtension(**kwargs)
