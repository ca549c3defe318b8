"""Link each glossary term to the glossary where it first appears on a page.

Works on the page's Markdown, after the templates have been rendered. It links only running
text: never inside headings, links, code, attribute lists or raw HTML elements, since a link there
would either break the markup or not be turned into a link at all. Elements marked ``markdown``
are transparent: their content is Markdown too.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from .model import Content, Term
from .text import first_sentence

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Pieces of Markdown the linker must leave alone, tried in this order at each position.
PROTECTED = re.compile(
    r"""
      ^[ ]{0,3}```[^\n]*\n(?s:.*?)^[ ]{0,3}```[^\n]*$   # a fenced code block
    | ^[ ]{0,3}\#.*$            # a heading
    | ^[ ]{0,3}!!!.*$           # an admonition's title line
    | `[^`\n]*`                 # inline code
    | !?\[[^\]\n]*\]\([^)\n]*\) # a link or an image
    | \[[^\]\n]*\]              # link text of any other kind
    | <[^>\n]+>                 # an HTML tag
    | \{[:#.][^}\n]*\}          # an attribute list
    | https?://\S+              # a bare address (magiclink turns it into a link)
    """,
    re.MULTILINE | re.VERBOSE,
)
MARKDOWN_INSIDE = re.compile(r"""\bmarkdown\b(?!\s*=\s*["']?0)""")
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")


def official_names(content: Content) -> list[str]:
    """Names that must read as one unit: no glossary link inside "Behovstilpasset kontakt og opfølgning"."""
    taet, model = content.taet, content.samarbejdsmodellen
    named = [*content.tools, *taet.core_elements, *taet.prerequisites, *model.values, *model.core_elements, *model.levers]
    named += model.course.phases
    return [p.title for p in content.principles] + [item.name for item in named]


def term_pattern(terms: Iterable[Term], keep: Iterable[str] = ()) -> tuple[re.Pattern, Callable[[str], Term | None]]:
    """One regex for every written form of every term, and a lookup from a match to its term.

    Forms with a capital letter or a symbol (VUM, § 82) must match exactly; plain words match in
    any case, so a term also links at the start of a sentence. Names in ``keep`` are matched so
    that no term is linked inside them ("Recovery" in "Recovery Star"), and are left as they are.
    """
    exact: dict[str, Term | None] = {name: None for name in keep}
    any_case: dict[str, Term] = {}
    for term in terms:
        for form in (term.term, *term.forms):
            if form != form.lower() or not form[0].isalpha():
                exact[form] = term
            else:
                any_case[form.casefold()] = term
    alternatives = sorted(exact, key=len, reverse=True)
    folded = sorted(any_case, key=len, reverse=True)
    parts = [re.escape(form) for form in alternatives]
    if folded:
        parts.append("(?i:" + "|".join(re.escape(form) for form in folded) + ")")
    pattern = re.compile(r"(?<![\w§-])(?:" + "|".join(parts) + r")(?![\w-])")

    def lookup(found: str) -> Term | None:
        if found in exact:
            return exact[found]
        return any_case.get(found.casefold())

    return pattern, lookup


def link_terms(markdown: str, terms: Iterable[Term], link_to: Callable[[Term], str],
               keep: Iterable[str] = ()) -> str:
    """Turn the first mention of each term into a Markdown link to its glossary entry."""
    terms = list(terms)
    if not terms:
        return markdown
    return link_with(markdown, term_pattern(terms, keep), link_to)


def link_with(markdown: str, matcher, link_to: Callable[[Term], str]) -> str:
    """``link_terms`` with a ``term_pattern`` made beforehand, so a build makes it only once."""
    pattern, lookup = matcher
    linked: set[str] = set()
    pieces: list[str] = []
    depth = 0  # how deep we are inside raw HTML whose content is not Markdown
    position = 0
    for protected in PROTECTED.finditer(markdown):
        pieces.append(_link_free_text(markdown[position:protected.start()], depth, pattern, lookup, linked, link_to))
        pieces.append(protected.group())
        depth = _depth_after(protected.group(), depth)
        position = protected.end()
    pieces.append(_link_free_text(markdown[position:], depth, pattern, lookup, linked, link_to))
    return "".join(pieces)


def _link_free_text(text, depth, pattern, lookup, linked, link_to) -> str:
    if depth > 0 or not text:
        return text

    def replace(match: re.Match) -> str:
        term = lookup(match.group())
        if term is None or term.id in linked:
            return match.group()
        linked.add(term.id)
        return f'[{match.group()}]({link_to(term)} "{_tooltip(term)}")'

    return pattern.sub(replace, text)


def _depth_after(piece: str, depth: int) -> int:
    tag = TAG.fullmatch(piece)
    if not tag:
        return depth
    closing, name, attributes = tag.groups()
    if name.lower() in VOID_ELEMENTS or attributes.rstrip().endswith("/"):
        return depth
    if MARKDOWN_INSIDE.search(attributes) or (closing and depth == 0):
        return depth  # Markdown inside (or the end of such an element): stay in running text
    return depth - 1 if closing else depth + 1


def _tooltip(term: Term) -> str:
    """The definition's first sentence, plain, as the link's title (shown on hover)."""
    plain = re.sub(r"[*_`\[\]]", "", first_sentence(term.definition)).replace('"', "”")
    return f"{term.term}: {plain}"
