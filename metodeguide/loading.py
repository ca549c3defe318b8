"""Read the YAML under ``content/``, validate it and check every cross-reference.

``load_content`` either returns a complete, consistent ``Content`` or raises ``ContentError``
listing every problem it found. It is pure apart from reading files.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import yaml
from pydantic import BaseModel, ValidationError

from . import model as model_module
from .model import Phase, PhasesFile, Principle, Source, SourcesFile
from .problems import ContentError, Problem, problems_from_validation

# Every field name of every schema: the pool a misspelt key is compared with.
KNOWN_FIELDS = {
    name
    for model in vars(model_module).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
    for name in model.model_fields
}


@dataclass(frozen=True)
class Content:
    sources: tuple[Source, ...]
    phases: tuple[Phase, ...]
    principles: tuple[Principle, ...]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def principles_in(self, phase_id: str) -> list[Principle]:
        return [p for p in self.principles if p.guidance_for(phase_id)]


def load_content(content_dir: Path) -> Content:
    content_dir = Path(content_dir)
    reader = _Reader(content_dir.parent)
    sources = reader.read(content_dir / "sources.yml", SourcesFile)
    phases = reader.read(content_dir / "phases.yml", PhasesFile)
    principle_files = sorted((content_dir / "principles").glob("*.yml"))
    if not principle_files:
        reader.problems.append(Problem(reader.name(content_dir / "principles"), "", "mappen har ingen principper (.yml-filer)"))
    principles = {path: reader.read(path, Principle) for path in principle_files}
    problems = reader.problems
    if sources and phases:  # cross-references need both; check every principle that parsed
        problems += _cross_reference_problems(
            reader.name(content_dir / "sources.yml"), sources.sources,
            reader.name(content_dir / "phases.yml"), phases.phases,
            {reader.name(path): principle for path, principle in principles.items() if principle},
        )
    if problems:
        raise ContentError(problems)
    return Content(
        sources=tuple(sources.sources),
        phases=tuple(phases.phases),
        principles=tuple(sorted(principles.values(), key=lambda p: p.number)),
    )


_cache: dict[tuple, Content] = {}


def load_content_cached(content_dir: Path) -> Content:
    """Load once per build: the key changes when any content file changes (live reload)."""
    key = (str(content_dir), *sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                                       for p in Path(content_dir).rglob("*.yml")))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_content(content_dir)
    return _cache[key]


class _Reader:
    """Parses files into models, collecting problems instead of stopping at the first."""

    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.project_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, model: type[BaseModel]):
        data = self._parse_yaml(path)
        if data is None:
            return None
        try:
            return model.model_validate(data)
        except ValidationError as error:
            self.problems += problems_from_validation(self.name(path), error, KNOWN_FIELDS)
            return None

    def _parse_yaml(self, path: Path):
        name = self.name(path)
        if not path.is_file():
            self.problems.append(Problem(name, "", "filen findes ikke"))
            return None
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            self.problems.append(Problem(name, "", _yaml_message(error)))
            return None
        if data is None:
            self.problems.append(Problem(name, "", "filen er tom"))
            return None
        if not isinstance(data, dict):
            self.problems.append(Problem(name, "", "filen skal starte med felter (navn: værdi), ikke en liste eller en tekst"))
            return None
        return data


def _yaml_message(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f" i linje {mark.line + 1}, kolonne {mark.column + 1}" if mark else ""
    problem = getattr(error, "problem", None) or str(error)
    return (f"YAML-fejl{where}: filen kan ikke læses ({problem}). "
            "Tjek indrykning, kolon efter feltnavne og anførselstegn.")


def _cross_reference_problems(sources_file, sources, phases_file, phases, principles) -> Iterator[Problem]:
    source_ids = {s.id for s in sources}
    phase_ids = [p.id for p in phases]
    yield from _duplicates(sources_file, "sources", [s.id for s in sources])
    yield from _duplicates(phases_file, "phases", phase_ids)
    for phase_index, phase in enumerate(phases, start=1):
        if phase.source.document not in source_ids:
            yield _unknown(phases_file, f"phases[{phase_index}].source.document",
                           "kilde", phase.source.document, source_ids)

    seen_ids: dict[str, str] = {}
    seen_numbers: dict[int, str] = {}
    for file, principle in principles.items():
        if principle.id in seen_ids:
            yield Problem(file, "id", f"id '{principle.id}' bruges allerede i {seen_ids[principle.id]}")
        seen_ids.setdefault(principle.id, file)
        if principle.number in seen_numbers:
            yield Problem(file, "number", f"nummer {principle.number} bruges allerede i {seen_numbers[principle.number]}")
        seen_numbers.setdefault(principle.number, file)
        if principle.source.document not in source_ids:
            yield _unknown(file, "source.document", "kilde", principle.source.document, source_ids)
        for index, guidance in enumerate(principle.phases, start=1):
            if guidance.phase not in phase_ids:
                yield _unknown(file, f"phases[{index}].phase", "fase", guidance.phase, phase_ids)
        yield from _duplicates(file, "phases", [g.phase for g in principle.phases], what="fasen")
        yield from _duplicates(file, "dilemmas", [d.id for d in principle.dilemmas])


def _unknown(file: str, field: str, what: str, value: str, known) -> Problem:
    return Problem(file, field, f"ukendt {what} '{value}' (kendte: {', '.join(sorted(known))})")


def _duplicates(file: str, field: str, ids: list[str], what: str = "id") -> Iterator[Problem]:
    for value, count in Counter(ids).items():
        if count > 1:
            positions = [str(i) for i, v in enumerate(ids, start=1) if v == value]
            yield Problem(file, field, f"{what} '{value}' står flere gange (nr. {', '.join(positions)})")
