"""Plain-text helpers shared by the pages, the PDFs and the Word files."""
from __future__ import annotations

import re


def paragraph_texts(text: str) -> list[str]:
    """Plain text with blank lines between paragraphs, as one line of text per paragraph."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip())]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
