"""Every Markdown table in a scroll container that a keyboard reaches and a screen reader names.

A table wider than a phone scrolls inside its container instead of being cut off at the screen's
edge. The container is written into the HTML at build, so it is there without JavaScript:
``<div class="mg-table-scroll" role="region" tabindex="0" aria-labelledby="<heading>">``. Focusable,
because a keyboard scrolls only what has focus (WCAG 2.1.1, axe's scrollable-region-focusable); a
named region, so a screen reader says what took focus: the heading above the table, or the table's
column heads when no heading comes before it. The style sheet gives it a visible scrollbar and
shadows at an edge with more to see.

A Python-Markdown extension (``markdown_extensions: - metodeguide.tables`` in mkdocs.yml); it knows
nothing of MkDocs. A table with a class of its own (the phase matrix, the forms' tables) has a
design of its own and is left alone, as the theme leaves it alone.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

WRAPPER_CLASS = "mg-table-scroll"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class TableScrollTreeprocessor(Treeprocessor):
    """Wraps each ``<table>`` in a named, focusable scroll container (after the toc has set ids)."""

    def run(self, root: etree.Element) -> None:
        self._heading_id: str | None = None
        self._wrap_tables(root)

    def _wrap_tables(self, parent: etree.Element) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS and child.get("id"):
                self._heading_id = child.get("id")
            elif child.tag == "table" and not child.get("class"):
                parent[index] = self._wrapped(child)
            elif child.get("class") != WRAPPER_CLASS:
                self._wrap_tables(child)

    def _wrapped(self, table: etree.Element) -> etree.Element:
        wrapper = etree.Element("div", {"class": WRAPPER_CLASS, "role": "region", "tabindex": "0"})
        if self._heading_id:
            wrapper.set("aria-labelledby", self._heading_id)
        else:
            heads = [_text(th) for th in table.iter("th")]
            wrapper.set("aria-label", ", ".join(head for head in heads if head))
        wrapper.tail, table.tail = table.tail, None
        wrapper.append(table)
        return wrapper


class TableScrollExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the toc (priority 5), which gives every heading its id.
        md.treeprocessors.register(TableScrollTreeprocessor(md), "mg_table_scroll", 4)


def makeExtension(**kwargs) -> TableScrollExtension:  # noqa: N802 (Python-Markdown's name)
    return TableScrollExtension(**kwargs)
