"""Alphabetical order the Danish way: a–z, then æ, ø, å; other accents sort as their base letter."""
from __future__ import annotations

import unicodedata

_DANISH_LETTERS = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


def danish_sort_key(text: str) -> str:
    danish = text.casefold().translate(_DANISH_LETTERS)
    decomposed = unicodedata.normalize("NFD", danish)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
