"""One pydantic schema per content type.

Every model forbids unknown fields, so a misspelt key in the YAML is an error rather than a
silently ignored value. Ids are stable ASCII slugs: they end up in URLs and anchors.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("empty_text")
    return text.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
"""Prose written by an editor: never empty or only white space."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Citation(Strict):
    """Where an item's facts come from: a document in ``content/sources.yml`` and its section."""

    document: Slug
    section: Text


class Source(Strict):
    id: Slug
    short_title: Text
    title: Text
    publisher: Text
    authors: Text | None = None
    year: int | None = None
    about: Text
    note: Text | None = None
    url: str | None = None


class Phase(Strict):
    id: Slug
    name: Text
    description: Text
    source: Citation


class PhaseGuidance(Strict):
    phase: Slug
    guidance: Text
    section: Text


class WayOfWorking(Strict):
    title: Text
    text: Text


class Dilemma(Strict):
    id: Slug
    question: Text
    advice: Annotated[list[Text], Field(min_length=1)]


class Story(Strict):
    title: Text
    summary: Text


class Principle(Strict):
    id: Slug
    number: Annotated[int, Field(ge=1)]
    title: Text
    reason: Text
    source: Citation
    contains: Text
    why: Text
    phases: Annotated[list[PhaseGuidance], Field(min_length=1)]
    ways_of_working: Annotated[list[WayOfWorking], Field(min_length=1)]
    reflection_questions: list[Text] = []
    dilemmas: list[Dilemma] = []
    story: Story | None = None

    def guidance_for(self, phase_id: str) -> PhaseGuidance | None:
        return next((g for g in self.phases if g.phase == phase_id), None)


class PhasesFile(Strict):
    phases: Annotated[list[Phase], Field(min_length=1)]


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]
