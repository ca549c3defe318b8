"""LIX, the Danish readability index: words per sentence plus the share of long words.

LIX = words / sentences + 100 * long words / words, where a long word has more than six letters.
Under 30 is very easy, 30-40 easy, 40-50 medium, over 50 hard.
"""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
LONG_WORD_LETTERS = 6


def lix(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text)))
    long_words = sum(len(word) > LONG_WORD_LETTERS for word in words)
    return len(words) / sentences + 100 * long_words / len(words)


def form_text(form) -> str:
    """Everything a reader of the form reads: introduction, headings, questions, help and choices."""
    parts = [form.title + ".", form.introduction]
    for section in form.sections:
        parts += [f"{section.heading}." if section.heading else "", section.intro or ""]
        for field in section.fields:
            parts += [field.label, field.help or "", *(f"{option}." for option in field.options),
                      *(f"{column.label}." for column in field.columns)]
    return "\n".join(part for part in parts if part)


def form_lix(form) -> float:
    return lix(form_text(form))
