"""The content as open data: JSON files under ``data/`` with a JSON Schema each, made at build.

Nothing here is written by hand. Each file wraps one part of the loaded content (principles,
methods, forms …) with the guide's ``version``, the ``built`` date and, in ``changed``, when each
of its items last changed (from git; "principles/foelg-op": "2026-11-30"); ``metodeguide.json`` holds all
of it. Each file's schema is generated from the same pydantic models that check the YAML, so the
data, its schema and the content cannot drift apart. Ids and short codes are part of the items.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, create_model

from .model import Content

DATA_DIR = "data"
EVERYTHING = "metodeguide"
# File name (without .json) -> the part of the content it holds. Settings (the publisher of one
# copy) and the files the items came from are about this copy, not the content, and stay out.
PARTS = {
    "kilder": "sources",
    "faser": "phases",
    "principper": "principles",
    "metoder": "tools",
    "taet": "taet",
    "evaluering": "evaluation",
    "samarbejdsmodellen": "samarbejdsmodellen",
    "ledelse": "leadership",
    "recovery": "recovery",
    "ordliste": "glossary",
    "skemaer": "forms",
    "byggeklodser": "blocks",
    "planlaegger": "planner",
    "koder": "code_ledger",
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def data_path(name: str) -> str:
    return f"{DATA_DIR}/{name}.json"


def schema_path(name: str) -> str:
    return f"{DATA_DIR}/{name}.schema.json"


def open_data_files(content: Content, built: date, changed: dict[str, date] | None = None) -> dict[str, bytes]:
    """Every open data file and its schema: path in the site -> bytes. ``changed`` gives when each
    item (a key of ``Content.files``) last changed; each file carries those of its items."""
    files = {}
    for name, fields in _file_fields().items():
        model = file_model(name)
        its_items = {key: day for key, day in (changed or {}).items()
                     if any(key == field or key.startswith(field + "/") for field in fields)}
        data = model(version=content.settings.version, built=built, changed=its_items,
                     **{field: getattr(content, field) for field in fields})
        files[data_path(name)] = data.model_dump_json(indent=1).encode("utf-8")
        schema = {"$schema": SCHEMA_DIALECT, **model.model_json_schema()}
        files[schema_path(name)] = json.dumps(schema, ensure_ascii=False, indent=1).encode("utf-8")
    return files


def _file_fields() -> dict[str, tuple[str, ...]]:
    return {name: (field,) for name, field in PARTS.items()} | {EVERYTHING: tuple(PARTS.values())}


@lru_cache(maxsize=None)
def file_model(name: str) -> type[BaseModel]:
    """The model of one data file: its part(s) of the content, with the version and the build date.
    Reading a file back through it checks the data as strictly as the YAML was checked."""
    fields = {field: (Content.model_fields[field].annotation, ...) for field in _file_fields()[name]}
    return create_model(f"OpenData_{name}", __config__=ConfigDict(extra="forbid", frozen=True),
                        version=(str, ...), built=(date, ...), changed=(dict[str, date], {}), **fields)
