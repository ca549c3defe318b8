"""Words around the content that are not part of a page template: ``templates/<name>.yml``."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def template_words(name: str) -> dict:
    """The words in ``templates/<name>.yml`` (labels on the forms, the card deck, the code pages)."""
    text = resources.files("metodeguide").joinpath(f"templates/{name}.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def form_labels() -> dict:
    return template_words("form_labels")
