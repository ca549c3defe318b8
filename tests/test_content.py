"""The real content: complete, consistent and as the source holds it."""
from collections import Counter

PHASE_ORDER = ["sagsaabning", "sagsoplysning", "sagsvurdering", "afgoerelse", "bestilling", "opfoelgning"]


def test_the_six_case_phases_in_order(content):
    assert [p.id for p in content.phases] == PHASE_ORDER
    assert [p.name for p in content.phases] == [
        "Sagsåbning", "Sagsoplysning", "Sagsvurdering", "Afgørelse", "Bestilling", "Opfølgning"]


def test_eight_principles_numbered_one_to_eight_with_official_titles(content):
    assert [(p.number, p.title) for p in content.principles] == [
        (1, "Tag udgangspunkt i borgernes håb, ønsker og drømme"),
        (2, "Fokusér på borgernes ressourcer"),
        (3, "Inddrag borgernes netværk og de almene fællesskaber"),
        (4, "Mød borgerne med åbenhed, tillid og respekt"),
        (5, "Hjælp borgerne så tidligt som muligt"),
        (6, "Arbejd koordineret med borgernes samlede livssituation"),
        (7, "Følg op, så indsatsen altid er den rette"),
        (8, "Brug viden og metoder, der virker"),
    ]


def test_totals_match_the_source(content):
    """The source holds 39 ways of working, 17 questions, 21 dilemmas with 59 pieces of advice
    and 7 citizen stories (seeds README)."""
    principles = content.principles
    assert sum(len(p.ways_of_working) for p in principles) == 39
    assert sum(len(p.reflection_questions) for p in principles) == 17
    assert sum(len(p.dilemmas) for p in principles) == 21
    assert sum(len(d.advice) for p in principles for d in p.dilemmas) == 59
    assert sum(p.story is not None for p in principles) == 7


def test_counts_per_principle_match_the_source(content):
    counts = {p.number: (len(p.ways_of_working), len(p.reflection_questions), len(p.dilemmas),
                         sum(len(d.advice) for d in p.dilemmas)) for p in content.principles}
    assert counts == {1: (6, 2, 2, 9), 2: (5, 3, 3, 10), 3: (6, 3, 4, 10), 4: (5, 3, 3, 9),
                      5: (6, 2, 3, 7), 6: (5, 2, 3, 6), 7: (4, 2, 3, 8), 8: (2, 0, 0, 0)}


def test_principle_8_has_only_what_the_source_has(content):
    principle = content.principles[7]
    assert principle.reflection_questions == [] and principle.dilemmas == [] and principle.story is None
    assert [g.phase for g in principle.phases] == ["sagsoplysning", "sagsvurdering", "opfoelgning"]
    assert {g.section for g in principle.phases} == {"Metoder, der understøtter recovery-orienteret rehabilitering"}


def test_every_principle_is_in_at_least_one_phase_and_phases_keep_their_order(content):
    for principle in content.principles:
        ids = [g.phase for g in principle.phases]
        assert ids and ids == sorted(ids, key=PHASE_ORDER.index), principle.id


def test_reflection_questions_are_questions(content):
    for principle in content.principles:
        for question in principle.reflection_questions:
            assert question.endswith("?"), (principle.id, question)
        for dilemma in principle.dilemmas:
            assert dilemma.question.endswith("?"), (principle.id, dilemma.id)


def test_every_item_cites_a_known_source(content):
    known = {s.id for s in content.sources}
    assert len(known) == 5
    cited = Counter(p.source.document for p in content.principles)
    cited.update(p.source.document for p in content.phases)
    assert set(cited) <= known


def test_reasons_are_whole_sentences(content):
    """Shown as they stand on cards and pages, so each ends with its own full stop."""
    for principle in content.principles:
        assert principle.reason.endswith("."), principle.id
