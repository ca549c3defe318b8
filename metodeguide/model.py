"""One pydantic schema per content type.

Every model forbids unknown fields, so a misspelt key in the YAML is an error rather than a
silently ignored value. Ids are stable ASCII slugs: they end up in URLs and anchors.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def problem(code: str, **context) -> PydanticCustomError:
    """A validation problem with its own type; ``problems.py`` holds the Danish message for each type."""
    return PydanticCustomError(code, code, context)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise problem("empty_text")
    return text.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
"""Prose written by an editor: never empty or only white space."""


# --- Short codes ----------------------------------------------------------------------------------
# A citable item has a short code a person can write on paper or in a case note: a capital letter
# for its kind, then (for items inside a principle) the principle's number, a hyphen and a serial.
# The code is written once in the YAML and never changes; content/koder.yml records every code
# ever published, so a code can never come to mean another item. See README, "Korte koder".
CODE_LETTERS = {"dilemma": "D", "question": "R", "way": "A", "tool": "M", "form": "S"}


def _code_pattern(letter: str, in_principle: bool) -> str:
    return rf"^{letter}[1-9][0-9]?-[1-9][0-9]*$" if in_principle else rf"^{letter}[1-9][0-9]*$"


def _code_checker(letter: str, in_principle: bool):
    pattern = re.compile(_code_pattern(letter, in_principle))
    example = f"{letter}3-2" if in_principle else f"{letter}12"

    def check(code: str) -> str:
        if not pattern.match(code):
            raise problem("code_format", example=example)
        return code
    return check


def code_type(kind: str, in_principle: bool):
    # Checked by our own validator (for the Danish message); the pattern also goes into the JSON
    # Schema of the open data, so other programs can check a code too.
    letter = CODE_LETTERS[kind]
    return Annotated[str, AfterValidator(_code_checker(letter, in_principle)),
                     Field(json_schema_extra={"pattern": _code_pattern(letter, in_principle)})]


DilemmaCode = code_type("dilemma", in_principle=True)
QuestionCode = code_type("question", in_principle=True)
WayCode = code_type("way", in_principle=True)
ToolCode = code_type("tool", in_principle=False)
FormCode = code_type("form", in_principle=False)


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
    urls: list[Text] = []


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
    id: Slug
    code: WayCode
    title: Text
    text: Text


Role = Literal["sagsbehandler", "leder"]


class Advice(Strict):
    id: Slug
    text: Text


class Dilemma(Strict):
    id: Slug
    code: DilemmaCode
    question: Text
    advice: Annotated[list[Advice], Field(min_length=1)]
    phases: Annotated[list[Slug], Field(min_length=1)]


class ReflectionQuestion(Strict):
    """A question for a team to talk about, with who it is for and when in the case it matters."""

    id: Slug
    code: QuestionCode
    question: Text
    roles: Annotated[list[Role], Field(min_length=1)]
    phases: Annotated[list[Slug], Field(min_length=1)]


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
    reflection_questions: list[ReflectionQuestion] = []
    dilemmas: list[Dilemma] = []
    story: Story | None = None

    def guidance_for(self, phase_id: str) -> PhaseGuidance | None:
        return next((g for g in self.phases if g.phase == phase_id), None)


class PhasesFile(Strict):
    phases: Annotated[list[Phase], Field(min_length=1)]


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]


# --- The knowledge base: TÆT, its evaluation, Samarbejdsmodellen, leaders, tools, glossary -------

class Section(Strict):
    """A short piece of prose under its own heading, with the place in a source it restates."""

    id: Slug
    heading: Text
    text: Text
    source: Citation


class TaetCoreElement(Strict):
    id: Slug
    name: Text
    meaning: Text
    experiences: Annotated[list[Text], Field(min_length=1)]
    watch_out: list[Text] = []
    source: Citation


class Prerequisite(Strict):
    id: Slug
    name: Text
    text: Text
    leadership_requires: Annotated[list[Text], Field(min_length=1)]
    source: Citation


class Municipality(Strict):
    id: Slug
    name: Text
    target_group: Text
    advisers: Text
    cases: Text
    source: Citation


class SourcedValue(Strict):
    value: Text
    source: Citation


class Disagreement(Strict):
    """A fact the sources state differently: shown with both values, never resolved by us."""

    id: Slug
    topic: Text
    values: Annotated[list[SourcedValue], Field(min_length=2)]


class TaetModel(Strict):
    about: Annotated[list[Section], Field(min_length=1)]
    core_elements: Annotated[list[TaetCoreElement], Field(min_length=1)]
    prerequisites: Annotated[list[Prerequisite], Field(min_length=1)]
    municipalities: Annotated[list[Municipality], Field(min_length=1)]
    disagreements: list[Disagreement] = []


class EvaluationQuestion(Strict):
    id: Slug
    question: Text
    short_answer: Text
    answer: Text
    source: Citation


class Bar(Strict):
    label: Text
    value: Annotated[float, Field(ge=0)]


class Chart(Strict):
    """A bar chart drawn at build as SVG, with a table beside it for those who cannot see it."""

    id: Slug
    title: Text
    question: Text
    unit: Literal["procent", "antal"]
    maximum: Annotated[float, Field(gt=0)]
    bars: Annotated[list[Bar], Field(min_length=1)]
    respondents: Text
    note: Text | None = None
    source: Citation

    @model_validator(mode="after")
    def _bars_fit_the_scale(self):
        if any(bar.value > self.maximum for bar in self.bars):
            raise problem("bar_above_maximum")
        return self


class Evaluation(Strict):
    about: Annotated[list[Section], Field(min_length=1)]
    questions: Annotated[list[EvaluationQuestion], Field(min_length=1)]
    charts: Annotated[list[Chart], Field(min_length=1)]
    findings: list[Section] = []


class Value(Strict):
    id: Slug
    name: Text
    text: Text
    source: Citation


class SmCoreElement(Strict):
    id: Slug
    name: Text
    contains: Annotated[list[Text], Field(min_length=1)]
    reasoning: Text
    source: Citation


class CoursePhase(Strict):
    number: Annotated[int, Field(ge=1)]
    name: Text
    text: Text | None = None


class Activity(Strict):
    title: Text
    text: Text
    points: list[Text] = []


class Lever(Strict):
    id: Slug
    name: Text
    why: Text
    activities: Annotated[list[Activity], Field(min_length=1)]
    source: Citation


class Competence(Strict):
    name: Text
    text: Text


class CompetenceGroup(Strict):
    intro: Text
    items: Annotated[list[Competence], Field(min_length=1)]
    source: Citation


class CitizenCourse(Strict):
    intro: Text
    phases: Annotated[list[CoursePhase], Field(min_length=1)]
    source: Citation


class Samarbejdsmodellen(Strict):
    about: Annotated[list[Section], Field(min_length=1)]
    inclusion_conditions: Annotated[list[Text], Field(min_length=1)]
    inclusion_source: Citation
    values: Annotated[list[Value], Field(min_length=1)]
    core_elements: Annotated[list[SmCoreElement], Field(min_length=1)]
    course: CitizenCourse
    levers: Annotated[list[Lever], Field(min_length=1)]
    coordinator_competences: CompetenceGroup


class LeaderTaskItem(Strict):
    title: Text
    text: Text


class LeaderTaskArea(Strict):
    id: Slug
    title: Text
    items: Annotated[list[LeaderTaskItem], Field(min_length=1)]


class StartStep(Strict):
    verb: Text
    text: Text


class Leadership(Strict):
    intro: Text
    areas: Annotated[list[LeaderTaskArea], Field(min_length=1)]
    areas_source: Citation
    areas_note: Text | None = None
    getting_started_intro: Text
    getting_started: Annotated[list[StartStep], Field(min_length=1)]
    getting_started_source: Citation


class ChimeElement(Strict):
    english: Text
    danish: Text


class Chime(Strict):
    intro: Text
    elements: Annotated[list[ChimeElement], Field(min_length=1)]
    source: Citation


class RecoveryBackground(Strict):
    concepts: Annotated[list[Section], Field(min_length=1)]
    chime: Chime
    origin: Annotated[list[Section], Field(min_length=1)]


class Tool(Strict):
    """One method or tool in the catalogue; the principle and TÆT pages list it back."""

    id: Slug
    code: ToolCode
    name: Text
    short_name: Text | None = None
    also_called: list[Text] = []    # other names people search for: a Danish everyday name, a spelling
    kind: Literal["metode", "redskab", "tilgang"]
    what: Text
    use: Text
    phases: list[Slug] = []
    principles: list[Slug] = []
    taet_elements: list[Slug] = []
    limits: list[Text] = []
    source: Citation
    also_in: list[Citation] = []


class Term(Strict):
    id: Slug
    term: Text
    forms: list[Text] = []
    abbreviation_of: Text | None = None
    also_called: list[Text] = []    # other names and spellings people search for (not linked in pages)
    definition: Text
    source: Citation
    own_explanation: bool = False  # the definition is the guide's own general explanation, not from a source


class Glossary(Strict):
    terms: Annotated[list[Term], Field(min_length=1)]


# --- Forms for citizens and staff --------------------------------------------------------------

FieldKind = Literal["short_text", "long_text", "single_choice", "multiple_choice", "rating_scale", "table"]
CHOICE_KINDS = {"single_choice", "multiple_choice", "rating_scale"}
RESERVED_FIELD_IDS = ("navn", "dato")   # every form starts with these two lines, in this order

# A table column's width follows the answer it expects, as the Danish design system (DKFDS) sizes a
# field by its answer: each column gets its weight's share of the table's width, on the page, in the
# PDF and in the Word file alike (``FormField.column_shares``).
AnswerLength = Literal["short", "medium", "long"]
ANSWER_WEIGHTS: dict[str, int] = {"short": 3, "medium": 4, "long": 5}
# The narrowest a column may be: 13 % is 22.6 mm of the PDF's 174 mm line, a field of 19.6 mm inside
# the cell's padding (about ten characters of the tables' 10-point type), and 2.2 cm of the Word
# page's 17 cm. Five columns always fit; a sixth only when the others are not all long.
MIN_COLUMN_SHARE = 0.13


class FormColumn(Strict):
    """One column of a table on a form: its heading and how long an answer it expects."""

    label: Text
    answer: AnswerLength


class FormField(Strict):
    """One question on a form. Choices and scale steps are ``options``; a table has ``columns``."""

    id: Slug
    kind: FieldKind
    label: Text
    help: Text | None = None
    options: list[Text] = []
    other: bool = False            # a choice with "Andet" and a line to write on
    dont_know: bool = False        # a scale with "Ved ikke / kan ikke svare"
    columns: list[FormColumn] = []
    rows: Annotated[int, Field(ge=0, le=20)] = 0
    lines: Annotated[int, Field(ge=1, le=20)] = 4   # room to write by hand on the printed form

    @model_validator(mode="after")
    def _parts_fit_the_kind(self):
        if self.id in RESERVED_FIELD_IDS:
            raise problem("reserved_field_id")
        if self.kind in CHOICE_KINDS and len(self.options) < 2:
            raise problem("choice_needs_options")
        if self.kind not in CHOICE_KINDS and self.options:
            raise problem("options_only_for_choices")
        if self.kind == "table" and (not self.columns or self.rows < 1):
            raise problem("table_needs_columns_and_rows")
        if self.columns and self.kind != "table":
            raise problem("columns_only_for_tables")
        for column, share in zip(self.columns, self.column_shares()):
            if share < MIN_COLUMN_SHARE:
                raise problem("column_too_narrow", column=column.label, share=round(share * 100),
                              minimum=round(MIN_COLUMN_SHARE * 100))
        if self.other and self.kind not in {"single_choice", "multiple_choice"}:
            raise problem("other_only_for_choices")
        if self.dont_know and self.kind != "rating_scale":
            raise problem("dont_know_only_for_scales")
        return self

    def column_shares(self) -> list[float]:
        """Each column's share of the table's width (they add up to 1), from the answers expected."""
        weights = [ANSWER_WEIGHTS[column.answer] for column in self.columns]
        return [weight / sum(weights) for weight in weights]


class FormSection(Strict):
    heading: Text | None = None
    intro: Text | None = None
    fields: Annotated[list[FormField], Field(min_length=1)]


class Form(Strict):
    """A form a caseworker sends or uses at a meeting: shown on screen, printed, PDF and Word."""

    id: Slug
    code: FormCode
    title: Text
    audience: Literal["borger", "medarbejder"]
    purpose: Text
    introduction: Text
    phases: list[Slug] = []
    tool: Slug | None = None
    sections: Annotated[list[FormSection], Field(min_length=1)]
    source: Citation
    also_in: list[Citation] = []

    def fields(self) -> list[FormField]:
        return [field for section in self.sections for field in section.fields]


class Publisher(Strict):
    """Who publishes this copy of the guide (a municipality sets its own): shown in every footer."""

    name: Text
    url: Text | None = None


def _email(text: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", text):
        raise problem("email_format")
    return text


def _phone(text: str) -> str:
    if not re.fullmatch(r"\+?[0-9][0-9 ]{6,}[0-9]", text):
        raise problem("phone_format")
    return text


def _web_address(text: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\.[^\s/]+(/\S*)?", text):
        raise problem("web_address")
    return text


Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
"""A telephone number as people write it: digits and spaces, perhaps a + and a country code first."""
WebAddress = Annotated[str, AfterValidator(_web_address)]
"""A whole https:// address."""


class Responsible(Strict):
    """Who answers for this copy's content and its accessibility (a municipality's unit): named on
    "Om guiden" and in the accessibility statement, with the e-mail and telephone the law asks for."""

    name: Text
    email: Email
    phone: Phone

    def is_example(self) -> bool:
        """True while the e-mail is at a domain reserved for examples (``.example``, RFC 2606), as the
        repository ships it: a copy to be published must name a real contact."""
        return self.email.lower().endswith(".example")

    def phone_uri(self) -> str:
        """tel:+4512345678: the digits, with Denmark's country code unless one is written."""
        digits = re.sub(r"[^0-9]", "", self.phone)
        return "tel:" + ("+" + digits if self.phone.startswith("+") else "+45" + digits)


class Supervisor(Strict):
    """Where a reader turns when the publisher does not answer: the authority that enforces the
    accessibility law, and its page for readers who meet content they cannot use."""

    name: Text = "Digitaliseringsstyrelsen"
    url: WebAddress = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"


# How far the site meets EN 301 549 (WCAG 2.1 AA), in the three steps the statement must choose from.
ComplianceStatus = Literal["fuldt", "delvist", "ikke"]


class AccessibilityStatement(Strict):
    """The values of the accessibility statement (tilgaengelighed.md); its words are in the template."""

    status: ComplianceStatus
    prepared: date
    reviewed: date
    # The statement in Digitaliseringsstyrelsen's WAS-Tool (was.digst.dk/...), once the publisher has
    # made it there: the footer's link then leads to it.
    was_url: WebAddress | None = None
    supervisor: Supervisor = Supervisor()

    @model_validator(mode="after")
    def _reviewed_after_prepared(self):
        if self.reviewed < self.prepared:
            raise problem("reviewed_before_prepared")
        return self


class Settings(Strict):
    version: Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]   # the guide's published version
    citizen_form_max_lix: Annotated[float, Field(gt=0)]
    publisher: Publisher
    responsible: Responsible
    accessibility: AccessibilityStatement


# --- Building blocks for competence days and team meetings --------------------------------------
# An activity a leader can put in a programme. The exercises are the guide's own suggestions; the
# facts they carry come from the sources (``source``). A block written ``for_each`` focus becomes one
# block per principle, TÆT core element or Samarbejdsmodellen core element (``programme.py``).

BlockKind = Literal["aabning", "introduktion", "case", "refleksion", "historie", "metode", "feedback",
                    "perspektivskifte", "handleplan", "afslutning", "evaluering", "pause", "frokost"]
FocusKind = Literal["principle", "taet_element", "sm_element"]
BREAK_KINDS = ("pause", "frokost")
# Kinds that belong in any programme, whatever its focus, and so are never made per focus.
ANY_FOCUS_KINDS = BREAK_KINDS + ("aabning", "afslutning", "evaluering", "handleplan")


class Duration(Strict):
    """Minutes: what the guide suggests, and the shortest and longest that still make sense."""

    suggested: Annotated[int, Field(ge=5, le=240)]
    shortest: Annotated[int, Field(ge=5, le=240)]
    longest: Annotated[int, Field(ge=5, le=240)]

    @model_validator(mode="after")
    def _in_order(self):
        if not self.shortest <= self.suggested <= self.longest:
            raise problem("duration_order")
        return self


class BlockUses(Strict):
    """The guide's items a block uses, by id (dilemmas and questions by their short code)."""

    principles: list[Slug] = []
    taet_elements: list[Slug] = []
    sm_elements: list[Slug] = []
    dilemmas: list[DilemmaCode] = []
    questions: list[QuestionCode] = []
    tools: list[Slug] = []
    forms: list[Slug] = []
    story: bool = False            # the focus principle's citizen's story


class Block(Strict):
    id: Slug
    kind: BlockKind
    for_each: FocusKind | None = None
    title: Text
    purpose: Text
    roles: Annotated[list[Role], Field(min_length=1)]
    duration: Duration
    steps: Annotated[list[Text], Field(min_length=1)]
    prepare: list[Text] = []
    uses: BlockUses = BlockUses()
    source: Citation | None = None   # where the facts it carries come from; a break carries none

    @model_validator(mode="after")
    def _frame_and_breaks_are_for_any_focus(self):
        # Opening, closing, breaks and the like are the same whatever the focus; made per focus they
        # would come several times in a programme and the planner could not find them by id.
        if self.for_each and self.kind in ANY_FOCUS_KINDS:
            raise problem("frame_block_for_each", kind=self.kind)
        return self

    @model_validator(mode="after")
    def _sourced_unless_a_break(self):
        if self.source is None and self.kind not in ("pause", "frokost", "aabning", "afslutning"):
            raise problem("block_needs_source")
        return self


class BreakAt(Strict):
    """A break in a programme of some length: which break block, and about when (minutes from start)."""

    block: Slug
    after: Annotated[int, Field(ge=15, le=600)]


class ProgrammeLength(Strict):
    """A length a leader can choose in the planner: a team meeting, a half day, a full day."""

    id: Slug
    label: Text
    minutes: Annotated[int, Field(ge=30, le=600, multiple_of=5)]
    breaks: list[BreakAt] = []


class Group(Strict):
    """Who takes part; a programme uses only blocks written for at least one of its roles."""

    id: Slug
    label: Text
    roles: Annotated[list[Role], Field(min_length=1)]


ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class PlannerSettings(Strict):
    """The choices the planner offers (``content/planlaegger.yml``), and what the ready-made kits use."""

    lengths: Annotated[list[ProgrammeLength], Field(min_length=1)]
    groups: Annotated[list[Group], Field(min_length=1)]
    start: ClockTime                # the start time a new plan and every kit get
    kit_length: Slug                # the length of the ready-made kits
    kit_group: Slug                 # and the group they are written for


# The item key each kind of code may name in the ledger (the same keys as codes.CitableItem.key).
_KEY = r"[a-z0-9]+(-[a-z0-9]+)*"
LEDGER_LINES = {
    "D": re.compile(r"^D[1-9][0-9]?-[1-9][0-9]*$"), "R": re.compile(r"^R[1-9][0-9]?-[1-9][0-9]*$"),
    "A": re.compile(r"^A[1-9][0-9]?-[1-9][0-9]*$"), "M": re.compile(r"^M[1-9][0-9]*$"), "S": re.compile(r"^S[1-9][0-9]*$"),
}
LEDGER_KEYS = {
    "D": re.compile(rf"^principles/{_KEY}/dilemmas/{_KEY}$"),
    "R": re.compile(rf"^principles/{_KEY}/reflection_questions/{_KEY}$"),
    "A": re.compile(rf"^principles/{_KEY}/ways_of_working/{_KEY}$"),
    "M": re.compile(rf"^tools/{_KEY}$"),
    "S": re.compile(rf"^forms/{_KEY}$"),
}


class CodeLedger(Strict):
    """Every short code ever published (``content/koder.yml``) and the item it names, for good.

    Keys are codes, values item keys (``codes.CitableItem.key``). An entry whose item has left the
    guide stays: the code is then retired, and a new item must get a new code. Each line must be a
    well-formed code naming an item of its own kind, and no item may stand under two codes.
    """

    codes: dict[str, Text]

    @model_validator(mode="after")
    def _one_code_per_item_of_its_kind(self):
        bad = [f"{code}: {key}" for code, key in self.codes.items()
               if not (LEDGER_LINES.get(code[:1]) and LEDGER_LINES[code[:1]].match(code)
                       and LEDGER_KEYS[code[:1]].match(key))]
        if bad:
            raise problem("ledger_line", lines="; ".join(bad))
        keys = list(self.codes.values())
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise problem("ledger_item_twice", items="; ".join(twice))
        return self


# --- All the content, loaded and checked --------------------------------------------------------

class Content(Strict):
    """Everything under ``content/`` as one frozen, serialisable object.

    ``files`` says which file each item came from (item key -> path relative to the project), so
    later features can tell when an item last changed.
    """

    sources: tuple[Source, ...]
    phases: tuple[Phase, ...]
    principles: tuple[Principle, ...]
    tools: tuple[Tool, ...]
    taet: TaetModel
    evaluation: Evaluation
    samarbejdsmodellen: Samarbejdsmodellen
    leadership: Leadership
    recovery: RecoveryBackground
    glossary: Glossary
    forms: tuple[Form, ...]
    settings: Settings
    code_ledger: CodeLedger
    blocks: tuple[Block, ...]
    planner: PlannerSettings
    files: dict[str, str]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def principles_in(self, phase_id: str) -> list[Principle]:
        return [p for p in self.principles if p.guidance_for(phase_id)]

    def principle(self, principle_id: str) -> Principle:
        return next(p for p in self.principles if p.id == principle_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def phase_names(self, phase_ids) -> list[str]:
        return [self.phase(phase_id).name for phase_id in phase_ids]

    def forms_in(self, phase_id: str) -> list[Form]:
        return [f for f in self.forms if phase_id in f.phases]

    def tool(self, tool_id: str) -> Tool:
        return next(t for t in self.tools if t.id == tool_id)

    def tools_in(self, phase_id: str) -> list[Tool]:
        return [t for t in self.tools if phase_id in t.phases]

    def dilemmas_in(self, phase_id: str) -> list[tuple[Principle, Dilemma]]:
        return [(p, d) for p in self.principles for d in p.dilemmas if phase_id in d.phases]

    def questions_in(self, phase_id: str) -> list[tuple[Principle, ReflectionQuestion]]:
        return [(p, q) for p in self.principles for q in p.reflection_questions if phase_id in q.phases]

    def taet_element(self, element_id: str) -> TaetCoreElement:
        return next(e for e in self.taet.core_elements if e.id == element_id)

    def tools_for_principle(self, principle_id: str) -> list[Tool]:
        return [t for t in self.tools if principle_id in t.principles]

    def tools_for_taet_element(self, element_id: str) -> list[Tool]:
        return [t for t in self.tools if element_id in t.taet_elements]
