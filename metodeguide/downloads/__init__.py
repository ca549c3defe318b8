"""Everything a reader downloads, made at build from the loaded content: path in the site -> bytes.

The card deck (reportlab), each form's fillable PDF (WeasyPrint) and Word file (python-docx), and
the whole guide as one PDF (WeasyPrint), which carries the build's date.
A new download is one more entry in ``download_files``; the site adapter never changes.
"""
from __future__ import annotations

from datetime import date

from ..model import Content
from ..paths import DECK_PDF, GUIDE_PDF, form_file
from .deck import dilemma_deck_pdf
from .forms import form_docx, form_pdf
from .guide import guide_pdf


def download_files(content: Content, built: date) -> dict[str, bytes]:
    files = {DECK_PDF: dilemma_deck_pdf(content), GUIDE_PDF: guide_pdf(content, built)}
    for form in content.forms:
        files[form_file(form, "pdf")] = form_pdf(form)
        files[form_file(form, "docx")] = form_docx(form)
    return files
