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
from . import programme
from .codes import code_problems, form_item, principle_items, tool_item
from .model import (Block, Citation, CodeLedger, Content, Evaluation, Form, Glossary, Leadership, PhasesFile,
                    PlannerSettings, Principle, RecoveryBackground, Samarbejdsmodellen, Settings, SourcesFile, TaetModel, Tool)
from .problems import ContentError, Problem, problems_from_validation, yaml_message
from .readability import form_lix
from .sorting import danish_sort_key

# Every field name of every schema: the pool a misspelt key is compared with.
KNOWN_FIELDS = {
    name
    for model in vars(model_module).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
    for name in model.model_fields
}

# The files that hold one thing each, and their schema. Folders of items are read separately.
SINGLE_FILES = {
    "sources.yml": SourcesFile,
    "phases.yml": PhasesFile,
    "taet.yml": TaetModel,
    "evaluering.yml": Evaluation,
    "samarbejdsmodellen.yml": Samarbejdsmodellen,
    "ledelse.yml": Leadership,
    "recovery.yml": RecoveryBackground,
    "ordliste.yml": Glossary,
    "settings.yml": Settings,
    "koder.yml": CodeLedger,
    "planlaegger.yml": PlannerSettings,
}
FOLDERS = {"principles": Principle, "tools": Tool, "tools/skemaer": Form, "byggeklodser": Block}


def load_content(content_dir: Path) -> Content:
    content_dir = Path(content_dir)
    reader = _Reader(content_dir.parent)
    single = {name: reader.read(content_dir / name, model) for name, model in SINGLE_FILES.items()}
    folders = {folder: reader.read_folder(content_dir / folder, model) for folder, model in FOLDERS.items()}
    parsed = {reader.name(content_dir / name): item for name, item in single.items() if item}
    for items in folders.values():
        parsed.update({reader.name(path): item for path, item in items.items() if item})
    problems = reader.problems + list(_cross_reference_problems(parsed, single, folders, reader))
    if problems:
        raise ContentError(problems)
    content = Content(
        files=_item_files(reader, content_dir, folders),
        code_ledger=single["koder.yml"],
        sources=tuple(single["sources.yml"].sources),
        phases=tuple(single["phases.yml"].phases),
        principles=tuple(sorted(folders["principles"].values(), key=lambda p: p.number)),
        tools=tuple(sorted(folders["tools"].values(), key=lambda t: danish_sort_key(t.name))),
        taet=single["taet.yml"],
        evaluation=single["evaluering.yml"],
        samarbejdsmodellen=single["samarbejdsmodellen.yml"],
        leadership=single["ledelse.yml"],
        recovery=single["recovery.yml"],
        glossary=single["ordliste.yml"],
        forms=tuple(sorted(folders["tools/skemaer"].values(), key=lambda f: danish_sort_key(f.title))),
        settings=single["settings.yml"],
        blocks=tuple(folders["byggeklodser"][path] for path in sorted(folders["byggeklodser"])),
        planner=single["planlaegger.yml"],
    )
    short_programmes = list(_programme_problems(content, reader.name(content_dir / "byggeklodser")))
    if short_programmes:
        raise ContentError(short_programmes)
    return content


def _programme_problems(content: Content, blocks_folder: str) -> Iterator[Problem]:
    """The planner must be able to fill every length on any one focus, for every group."""
    for focus in programme.focuses(content):
        item = programme.focus_item(content, focus)
        name = getattr(item, "title", None) or item.name
        for length in content.planner.lengths:
            for group in content.planner.groups:
                proposal = programme.propose(content, [focus], length, group)
                if sum(planned.minutes for planned in proposal) != length.minutes:
                    yield Problem(blocks_folder, "", f"der er ikke byggeklodser nok til '{length.label}' om "
                                                     f"'{name}' for '{group.label}'. Skriv en byggeklods, der "
                                                     "handler om den (uses eller for_each).")
                    break


def _planner_problems(file: str, planner: PlannerSettings, blocks: dict, every_block_read: bool) -> Iterator[Problem]:
    """The breaks a length names must be break blocks; the kits' length and group must exist.
    (A block whose own file has a problem is not known here; that problem is reported already.)"""
    kinds = {block.id: block.kind for block in blocks.values()}
    for i, length in enumerate(planner.lengths, start=1):
        for j, placed in enumerate(length.breaks, start=1):
            unknown_for_now = placed.block not in kinds and not every_block_read
            if kinds.get(placed.block) not in programme.BREAKS and not unknown_for_now:
                yield Problem(file, f"lengths[{i}].breaks[{j}].block",
                              f"'{placed.block}' er ikke en byggeklods af slagsen pause eller frokost.")
    if planner.kit_length not in {length.id for length in planner.lengths}:
        yield _unknown(file, "kit_length", "længde", planner.kit_length, [length.id for length in planner.lengths])
    if planner.kit_group not in {group.id for group in planner.groups}:
        yield _unknown(file, "kit_group", "gruppe", planner.kit_group, [group.id for group in planner.groups])


# The key of each single file's content in ``Content.files``, and of the items in each folder.
SINGLE_FILE_KEYS = {"sources.yml": "sources", "phases.yml": "phases", "taet.yml": "taet",
                    "evaluering.yml": "evaluation", "samarbejdsmodellen.yml": "samarbejdsmodellen",
                    "ledelse.yml": "leadership", "recovery.yml": "recovery", "ordliste.yml": "glossary",
                    "settings.yml": "settings", "koder.yml": "code_ledger",
                    "planlaegger.yml": "planner"}
FOLDER_KEYS = {"principles": "principles", "tools": "tools", "tools/skemaer": "forms", "byggeklodser": "blocks"}


def _item_files(reader, content_dir: Path, folders: dict) -> dict[str, str]:
    """Which file each item came from: 'principles/foelg-op' -> 'content/principles/07-foelg-op.yml'."""
    files = {key: reader.name(content_dir / name) for name, key in SINGLE_FILE_KEYS.items()}
    for folder, items in folders.items():
        files |= {f"{FOLDER_KEYS[folder]}/{item.id}": reader.name(path) for path, item in items.items()}
    return files


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

    def read_folder(self, folder: Path, model: type[BaseModel]) -> dict:
        paths = sorted(folder.glob("*.yml"))
        if not paths:
            self.problems.append(Problem(self.name(folder), "", "mappen har ingen .yml-filer"))
        return {path: self.read(path, model) for path in paths}

    def _parse_yaml(self, path: Path):
        name = self.name(path)
        if not path.is_file():
            self.problems.append(Problem(name, "", "filen findes ikke"))
            return None
        try:
            data = _load_yaml(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            self.problems.append(Problem(name, "", yaml_message(error)))
            return None
        if data is None:
            self.problems.append(Problem(name, "", "filen er tom"))
            return None
        if not isinstance(data, dict):
            self.problems.append(Problem(name, "", "filen skal starte med felter (navn: værdi), ikke en liste eller en tekst"))
            return None
        return data


def _load_yaml(text: str):
    """libyaml reads a file ten times faster than PyYAML's own parser; a file it cannot read is read
    again by PyYAML's parser, whose words for what is wrong problems.YAML_PROBLEMS puts in Danish."""
    try:
        return yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_UniqueKeyLoader)


class _UniqueKeys:
    """YAML that refuses a key written twice in one mapping (PyYAML would silently keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"repeated key: {key}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


class _UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    pass


class _FastLoader(_UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _timestamp_or_text(loader: yaml.SafeLoader, node):
    """A date as YAML writes it (2026-11-30); one that looks like a date but is none (2026-13-01)
    stays text, so the schema names its field instead of PyYAML stopping the whole load."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


@dataclass(frozen=True)
class _Known:
    """The ids other items may refer to; None where the file holding them did not load."""

    sources: set[str] | None
    phases: set[str] | None
    principles: set[str] | None
    tools: set[str] | None
    taet_elements: set[str] | None
    sm_elements: set[str] | None
    forms: set[str] | None
    dilemma_codes: set[str] | None
    question_codes: set[str] | None


def _cross_reference_problems(parsed: dict[str, BaseModel], single, folders, reader) -> Iterator[Problem]:
    """Check every id one item uses for another, in every file that parsed."""
    def loaded(folder: str) -> dict:
        return {reader.name(path): item for path, item in folders[folder].items() if item}

    principles, tools, forms = loaded("principles"), loaded("tools"), loaded("tools/skemaer")
    blocks = loaded("byggeklodser")
    known = _known_ids(single, folders, principles, tools, forms)
    clashes = [problem for file, item in parsed.items() for problem in _duplicate_ids_in_lists(file, item)]
    clashes += [*_unique_across_files(principles, "id", lambda p: p.id, "id"),
                *_unique_across_files(principles, "number", lambda p: p.number, "nummer"),
                *_unique_across_files(tools, "id", lambda t: t.id, "id"),
                *_unique_across_files(forms, "id", lambda f: f.id, "id"),
                *_unique_across_files(blocks, "id", lambda b: b.id, "id")]
    for file, item in parsed.items():
        yield from (problem for problem in clashes if problem.file == file)
        yield from _citation_problems(file, item, known.sources)
    for file, principle in principles.items():
        yield from _principle_problems(file, principle, known)
    for file, tool in tools.items():
        yield from _tool_problems(file, tool, known)
    for file, form in forms.items():
        yield from _form_problems(file, form, known)
    for file, block in blocks.items():
        yield from _block_problems(file, block, known)
    if single["planlaegger.yml"]:
        planner_file = next(file for file, item in parsed.items() if item is single["planlaegger.yml"])
        every_block_read = all(folders["byggeklodser"].values())
        yield from _planner_problems(planner_file, single["planlaegger.yml"], blocks, every_block_read)
    if single["settings.yml"]:
        yield from _plain_language_problems(forms, single["settings.yml"].citizen_form_max_lix)
    if not clashes:   # codes are checked against item keys, which a repeated id or number makes ambiguous
        yield from code_problems(_citable_items_by_file(principles, tools, forms), single["koder.yml"])


def _citable_items_by_file(principles: dict, tools: dict, forms: dict):
    for file, principle in principles.items():
        yield from ((file, item) for item in principle_items(principle))
    yield from ((file, tool_item(tool)) for file, tool in tools.items())
    yield from ((file, form_item(form)) for file, form in forms.items())


def _known_ids(single, folders, principles: dict, tools: dict, forms: dict) -> _Known:
    def all_loaded(folder: str, items: dict) -> bool:
        return len(items) == len(folders[folder])

    sources, phases, taet = single["sources.yml"], single["phases.yml"], single["taet.yml"]
    model, every_principle = single["samarbejdsmodellen.yml"], all_loaded("principles", principles)
    return _Known(
        sm_elements={e.id for e in model.core_elements} if model else None,
        forms={f.id for f in forms.values()} if all_loaded("tools/skemaer", forms) else None,
        dilemma_codes={d.code for p in principles.values() for d in p.dilemmas} if every_principle else None,
        question_codes={q.code for p in principles.values() for q in p.reflection_questions} if every_principle else None,
        sources={s.id for s in sources.sources} if sources else None,
        phases={p.id for p in phases.phases} if phases else None,
        principles={p.id for p in principles.values()} if all_loaded("principles", principles) else None,
        tools={t.id for t in tools.values()} if all_loaded("tools", tools) else None,
        taet_elements={e.id for e in taet.core_elements} if taet else None,
    )


def _citation_problems(file: str, item: BaseModel, source_ids: set[str] | None) -> Iterator[Problem]:
    if source_ids is None:
        return
    for field, citation in _citations(item):
        if citation.document not in source_ids:
            yield _unknown(file, f"{field}.document", "kilde", citation.document, source_ids)


def _principle_problems(file: str, principle: Principle, known: _Known) -> Iterator[Problem]:
    phases = [g.phase for g in principle.phases]
    yield from _references(file, "phases", phases, "fase", known.phases, suffix=".phase")
    yield from _duplicates(file, "phases", phases, what="fasen")
    for index, dilemma in enumerate(principle.dilemmas, start=1):
        yield from _references(file, f"dilemmas[{index}].phases", dilemma.phases, "fase", known.phases)
    for index, question in enumerate(principle.reflection_questions, start=1):
        yield from _references(file, f"reflection_questions[{index}].phases", question.phases, "fase", known.phases)
    yield from _advice_ids_unique_in_principle(file, principle)


def _advice_ids_unique_in_principle(file: str, principle: Principle) -> Iterator[Problem]:
    """A piece of advice is named by its principle and its id, so the id may occur once per principle."""
    first: dict[str, str] = {}
    for d, dilemma in enumerate(principle.dilemmas, start=1):
        for a, advice in enumerate(dilemma.advice, start=1):
            where = f"dilemmas[{d}].advice[{a}]"
            if advice.id in first and not first[advice.id].startswith(f"dilemmas[{d}]."):
                yield Problem(file, f"{where}.id", f"id '{advice.id}' bruges allerede i {first[advice.id]}")
            first.setdefault(advice.id, where)


def _tool_problems(file: str, tool: Tool, known: _Known) -> Iterator[Problem]:
    yield from _references(file, "phases", tool.phases, "fase", known.phases)
    yield from _references(file, "principles", tool.principles, "princip", known.principles)
    yield from _references(file, "taet_elements", tool.taet_elements, "kerneelement i TÆT-modellen", known.taet_elements)


def _block_problems(file: str, block: Block, known: _Known) -> Iterator[Problem]:
    uses = block.uses
    yield from _references(file, "uses.principles", uses.principles, "princip", known.principles)
    yield from _references(file, "uses.taet_elements", uses.taet_elements, "kerneelement i TÆT-modellen", known.taet_elements)
    yield from _references(file, "uses.sm_elements", uses.sm_elements, "kerneelement i Samarbejdsmodellen", known.sm_elements)
    yield from _references(file, "uses.dilemmas", uses.dilemmas, "dilemma", known.dilemma_codes)
    yield from _references(file, "uses.questions", uses.questions, "refleksionsspørgsmål", known.question_codes)
    yield from _references(file, "uses.tools", uses.tools, "redskab", known.tools)
    yield from _references(file, "uses.forms", uses.forms, "skema", known.forms)


def _form_problems(file: str, form: Form, known: _Known) -> Iterator[Problem]:
    yield from _references(file, "phases", form.phases, "fase", known.phases)
    if form.tool and known.tools is not None and form.tool not in known.tools:
        yield _unknown(file, "tool", "redskab", form.tool, known.tools)
    yield from _duplicates(file, "sections", [f.id for f in form.fields()], what="feltet")


def _plain_language_problems(forms: dict, limit: float) -> Iterator[Problem]:
    """Citizens' forms must read easily: LIX at or below the limit in content/settings.yml."""
    for file, form in forms.items():
        score = form_lix(form)
        if form.audience == "borger" and score > limit:
            yield Problem(file, "", f"teksten har LIX {score:.0f}, men skemaer til borgere må højst have LIX "
                                    f"{limit:g} (content/settings.yml). Brug kortere sætninger og kortere ord.")


def _references(file, field, used, what, known, suffix="") -> Iterator[Problem]:
    """Ids that point at nothing. ``known`` is None when the list it depends on did not load."""
    if known is None:
        return
    for index, value in enumerate(used, start=1):
        if value not in known:
            yield _unknown(file, f"{field}[{index}]{suffix}", what, value, known)


def _unique_across_files(items: dict, field: str, key, what: str) -> Iterator[Problem]:
    seen: dict = {}
    for file, item in items.items():
        value = key(item)
        if value in seen:
            yield Problem(file, field, f"{what} {_quoted(value)} bruges allerede i {seen[value]}")
        seen.setdefault(value, file)


def _quoted(value) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def _children(item: BaseModel) -> Iterator[tuple[str, object]]:
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, list):
            for index, element in enumerate(value, start=1):
                yield f"{name}[{index}]", element
        else:
            yield name, value


def _citations(item: BaseModel, path: str = "") -> Iterator[tuple[str, Citation]]:
    for field, value in _children(item):
        where = f"{path}.{field}" if path else field
        if isinstance(value, Citation):
            yield where, value
        elif isinstance(value, BaseModel):
            yield from _citations(value, where)


def _duplicate_ids_in_lists(file: str, item: BaseModel, path: str = "") -> Iterator[Problem]:
    """Within any list of things that have ids, each id must appear once: anchors depend on it."""
    for name in type(item).model_fields:
        value = getattr(item, name)
        where = f"{path}.{name}" if path else name
        if isinstance(value, list):
            ids = [getattr(element, "id", None) for element in value]
            if ids and all(isinstance(i, str) for i in ids):
                yield from _duplicates(file, where, ids)
            for index, element in enumerate(value, start=1):
                if isinstance(element, BaseModel):
                    yield from _duplicate_ids_in_lists(file, element, f"{where}[{index}]")
        elif isinstance(value, BaseModel):
            yield from _duplicate_ids_in_lists(file, value, where)


def _unknown(file: str, field: str, what: str, value: str, known) -> Problem:
    return Problem(file, field, f"ukendt {what} '{value}' (kendte: {', '.join(sorted(known))})")


def _duplicates(file: str, field: str, ids: list[str], what: str = "id") -> Iterator[Problem]:
    for value, count in Counter(ids).items():
        if count > 1:
            positions = [str(i) for i, v in enumerate(ids, start=1) if v == value]
            yield Problem(file, field, f"{what} '{value}' står flere gange (nr. {', '.join(positions)})")
