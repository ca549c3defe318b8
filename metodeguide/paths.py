"""Where everything lives in the site: source paths of pages, anchors, downloads, short-code paths.

Pages are named by their Markdown source (``principper/foelg-op.md``); the generator turns them
into URLs (``principper/foelg-op/``). Anchors are made from ids, never from list positions, so
adding an item never moves another item's address.
"""
from __future__ import annotations

from .model import Form, Phase, Principle

PRINCIPLES_DIR = "principper"
PHASES_DIR = "faser"
FORMS_DIR = "skemaer"
CODES_DIR = "k"
SOURCES_PAGE = "kilder.md"
TOOLS_PAGE = "metoder.md"
TAET_PAGE = "taet.md"
SAMARBEJDSMODELLEN_PAGE = "samarbejdsmodellen.md"
GLOSSARY_PAGE = "ordliste.md"
DILEMMAS_PAGE = "dilemmaer.md"
QUESTIONS_PAGE = "refleksionsspoergsmaal.md"
FORMS_PAGE = "skemaer.md"   # beside the folder, not its index: a section index page loses its table of contents
CODES_PAGE = f"{CODES_DIR}.md"   # beside its folder of short-code pages, like skemaer.md
KITS_DIR = "kompetencedage"
KITS_PAGE = "kompetencedage.md"   # beside its folder, like skemaer.md
PLANNER_PAGE = "planlaegger.md"
CHANGES_PAGE = "nyt.md"
ABOUT_PAGE = "om-guiden.md"
ACCESSIBILITY_PAGE = "tilgaengelighed.md"
OPEN_DATA_PAGE = "genbrug.md"
DOWNLOADS_DIR = "downloads"
DECK_PDF = f"{DOWNLOADS_DIR}/dilemmakort.pdf"
GUIDE_PDF = f"{DOWNLOADS_DIR}/metodeguide.pdf"
# Made by scripts/build.py after MkDocs has built the site, so the generator does not know it: a
# page links to it from raw HTML with page_link, which the adapter resolves against the page's address.
OFFLINE_COPY = f"{DOWNLOADS_DIR}/metodeguide-offline.zip"
MADE_AFTER_THE_BUILD = (OFFLINE_COPY,)


def principle_page_path(principle: Principle) -> str:
    return f"{PRINCIPLES_DIR}/{principle.id}.md"


def phase_page_path(phase: Phase) -> str:
    return f"{PHASES_DIR}/{phase.id}.md"


def form_page_path(form: Form) -> str:
    return f"{FORMS_DIR}/{form.id}.md"


def form_file(form: Form, extension: str) -> str:
    """Where a form's download lives in the site: downloads/skemaer/<id>.pdf or .docx."""
    return f"{DOWNLOADS_DIR}/{FORMS_DIR}/{form.id}.{extension}"


def kit_page_path(focus) -> str:
    """A ready-made kit: kompetencedage/<principle id>/ or kompetencedage/taet-<element id>/."""
    prefix = {"principle": "", "taet_element": "taet-", "sm_element": "samarbejdsmodellen-"}[focus.kind]
    return f"{KITS_DIR}/{prefix}{focus.id}.md"


def code_redirect_path(code: str) -> str:
    """The short address a printed code leads to: k/d3-2/ (codes are matched in lower case)."""
    return f"{CODES_DIR}/{code.lower()}/index.html"


# --- Anchors: each made from the item's id ---------------------------------------------------------

def phase_anchor(phase_id: str) -> str:
    return f"fase-{phase_id}"


def dilemma_anchor(dilemma_id: str) -> str:
    return f"dilemma-{dilemma_id}"


def question_anchor(question_id: str) -> str:
    return f"spoergsmaal-{question_id}"


def way_anchor(way_id: str) -> str:
    return f"arbejdsmaade-{way_id}"


def card_anchor(principle_id: str, dilemma_id: str) -> str:
    """A card on the cards page, where every principle's dilemmas sit side by side."""
    return f"{principle_id}-{dilemma_id}"


def card_question_anchor(principle_id: str, dilemma_id: str) -> str:
    """A card's question, the heading that names the card (and its entry in the search index)."""
    return f"{card_anchor(principle_id, dilemma_id)}-spoergsmaal"


def bank_question_anchor(principle_id: str, question_id: str) -> str:
    """A question in the question bank, where every principle's questions sit side by side."""
    return f"{principle_id}-spoergsmaal-{question_id}"


PAGE_LINK_SCHEME = "mg-page:"


def page_link(to_page: str, fragment: str = "") -> str:
    """A link to a page from raw HTML, which the generator does not rewrite: "mg-page:" and the
    page's source path. The adapter turns it into the page's address as the generator makes it
    (a folder per page online, a file per page in the offline copy). A file of
    ``MADE_AFTER_THE_BUILD`` is linked the same way, by its path in the site."""
    return f"{PAGE_LINK_SCHEME}{to_page}" + (f"#{fragment}" if fragment else "")


def page_url(page: str, file_urls: bool = False) -> str:
    """The built URL of a source page, relative to the site root: principper/x.md -> principper/x/,
    or, in the offline copy (a file per page), principper/x.html."""
    stem = page.removesuffix(".md")
    if file_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"
