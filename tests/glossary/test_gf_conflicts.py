"""Import and merge conflict policies, dry runs, and combining concepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.glossary.conflicts import merge_concepts
from bilingual_reader.glossary.formats import ParsedConcept, ParseResult
from bilingual_reader.glossary.importing import ImportFailed, ImportReport, import_concepts
from bilingual_reader.glossary.merge import merge_glossary
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary, GlossaryError
from support import signature

P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN
OLD = Concept(
    "weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"), Term("gun", "en", F)), "Big guns.", "old"
)
NEW = Concept("munitions", (Term("ปืนใหญ่", "th"), Term("ปืน", "th", D), Term("cannon", "en")), "", "new")
OTHER = Concept("naval", (Term("เรือรบ", "th"), Term("warship", "en")))


def _parsed(*concepts: Concept) -> ParseResult:
    return ParseResult(concepts=[ParsedConcept(n, c) for n, c in enumerate(concepts, start=1)])


def test_merge_concepts_keeps_the_existing_and_adds_the_new() -> None:
    merged = merge_concepts(OLD, NEW)
    assert merged.subject == "weapons"
    assert merged.definition == "Big guns."
    assert merged.note == "old | new"
    assert [(t.text, t.lang, t.status) for t in merged.terms] == [
        ("ปืนใหญ่", "th", P),
        ("artillery", "en", P),
        ("gun", "en", F),
        ("ปืน", "th", D),
        ("cannon", "en", A),
    ]


EXPECTED = {
    "skip": (
        (1, 0, 0, 1),
        [("weapons", "old", ("ปืนใหญ่", "artillery", "gun")), ("naval", "", ("เรือรบ", "warship"))],
    ),
    "replace": (
        (1, 1, 0, 0),
        [("munitions", "new", ("ปืนใหญ่", "ปืน", "cannon")), ("naval", "", ("เรือรบ", "warship"))],
    ),
    "merge": (
        (1, 0, 1, 0),
        [
            ("weapons", "old | new", ("ปืนใหญ่", "ปืน", "artillery", "cannon", "gun")),
            ("naval", "", ("เรือรบ", "warship")),
        ],
    ),
}


def _summary(glossary: Glossary) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.subject, c.note, tuple(t.text for t in c.thai + c.english)) for c in glossary.concepts()]


def _counts(report: ImportReport) -> tuple[int, int, int, int]:
    return (report.added, report.replaced, report.merged, report.skipped)


@pytest.mark.parametrize("policy", ["skip", "replace", "merge"])
def test_conflict_policies(empty: Glossary, policy: str) -> None:
    kept_id = empty.add(OLD).id
    report = import_concepts(empty, _parsed(NEW, OTHER), on_conflict=policy)
    counts, concepts = EXPECTED[policy]
    assert _counts(report) == counts
    assert _summary(empty) == concepts
    assert empty.concepts()[0].id == kept_id


@pytest.mark.parametrize("policy", ["skip", "replace", "merge"])
def test_dry_run_counts_and_writes_nothing(empty: Glossary, policy: str) -> None:
    empty.add(OLD)
    before = [signature(c) for c in empty.concepts()]
    report = import_concepts(empty, _parsed(NEW, OTHER), on_conflict=policy, dry_run=True, source="f")
    assert _counts(report) == EXPECTED[policy][0]
    assert [signature(c) for c in empty.concepts()] == before
    verb = "would "
    assert report.summary().startswith(f"f: {verb}add 1, {verb}replace")
    assert report.summary().endswith("(dry run: nothing written)")


def test_a_thai_term_twice_in_one_file_is_a_bad_row(empty: Glossary) -> None:
    twin = Concept("general", (Term("ปืนครก", "th"), Term("ปืนใหญ่", "th", A), Term("big gun", "en")))
    with pytest.raises(ImportFailed) as caught:
        import_concepts(empty, _parsed(OLD, OTHER, twin), source="f")
    assert [str(e) for e in caught.value.errors] == ["f:3: the Thai term 'ปืนใหญ่' is also on line 1"]
    report = import_concepts(empty, _parsed(OLD, OTHER, twin), source="f", skip_bad=True)
    assert (_counts(report), empty.count()) == ((2, 0, 0, 0), 2)


@pytest.mark.parametrize(
    ("policy", "counts", "terms"),
    [
        ("skip", (0, 0, 0, 1), ("ปืนใหญ่", "artillery", "gun")),
        ("merge", (0, 0, 1, 0), ("ปืนใหญ่", "ปืนครก", "artillery", "mortar", "gun")),
    ],
)
def test_any_shared_thai_term_is_a_conflict(
    empty: Glossary, policy: str, counts: tuple[int, int, int, int], terms: tuple[str, ...]
) -> None:
    empty.add(OLD)
    mortar = Concept("weapons", (Term("ปืนครก", "th"), Term("ปืนใหญ่", "th", A), Term("mortar", "en")))
    report = import_concepts(empty, _parsed(mortar), on_conflict=policy)
    assert _counts(report) == counts
    assert [tuple(t.text for t in c.thai + c.english) for c in empty.concepts()] == [terms]


@pytest.mark.parametrize("policy", ["replace", "merge"])
def test_a_row_whose_thai_terms_belong_to_two_stored_concepts_is_a_bad_row(
    empty: Glossary, policy: str
) -> None:
    """Replacing or merging into one of them put the other's Thai term in it too: a duplicate (issue 8 §4)."""
    empty.add(OLD)
    naval_id = empty.add(OTHER).id
    both = Concept("general", (Term("ปืนใหญ่", "th"), Term("เรือรบ", "th", A), Term("gunboat", "en")))
    mortar = Concept("weapons", (Term("ปืนครก", "th"), Term("mortar", "en")))
    before = [signature(c) for c in empty.concepts()]
    with pytest.raises(ImportFailed) as caught:
        import_concepts(empty, _parsed(mortar, both), source="f", on_conflict=policy)
    assert [str(e) for e in caught.value.errors] == [
        f"f:2: its Thai terms belong to 2 concepts: 'ปืนใหญ่' to concept 1 (ปืนใหญ่), 'เรือรบ' to concept"
        f" {naval_id} (เรือรบ); a Thai term belongs to one concept"
    ]
    assert [signature(c) for c in empty.concepts()] == before
    report = import_concepts(empty, _parsed(mortar, both), source="f", on_conflict=policy, skip_bad=True)
    assert (_counts(report), [e.line for e in report.bad]) == ((1, 0, 0, 0), [2])
    owners: dict[str, list[int | None]] = {}
    for concept in empty.concepts():
        for term in concept.thai:
            owners.setdefault(term.text, []).append(concept.id)
    assert all(len(ids) == 1 for ids in owners.values()), owners
    assert owners["ปืนครก"] == [3]


def test_invalid_concepts_are_bad_rows(empty: Glossary) -> None:
    bad = Concept("weapons", (Term("ดาบ", "th"), Term("ดาบ", "th", A)))
    with pytest.raises(ImportFailed) as caught:
        import_concepts(empty, _parsed(OTHER, bad), source="f")
    assert [str(e) for e in caught.value.errors] == ["f:2: no English term; duplicate Thai term 'ดาบ'"]
    assert empty.count() == 0


def test_a_database_error_rolls_the_whole_import_back(empty: Glossary) -> None:
    empty.db.conn.execute(
        "CREATE TRIGGER no_swords BEFORE INSERT ON terms WHEN NEW.text = 'ดาบ'"
        " BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    sword = Concept("weapons", (Term("ดาบ", "th"), Term("sword", "en")))
    with pytest.raises(GlossaryError) as caught:
        import_concepts(empty, _parsed(OTHER, sword))
    assert str(caught.value) == f"{empty.path}: no"
    assert empty.count() == 0


@pytest.mark.parametrize("policy", ["skip", "replace", "merge"])
def test_merge_glossary(tmp_path: Path, empty: Glossary, policy: str) -> None:
    empty.add(OLD)
    other_path = tmp_path / "other.db"
    with Glossary.open(other_path) as other:
        other.add(NEW)
        other.add(OTHER)
    report = merge_glossary(empty, other_path, on_conflict=policy)
    counts, concepts = EXPECTED[policy]
    assert (_counts(report), _summary(empty)) == (counts, concepts)


def test_merge_refuses_itself_and_missing_files(tmp_path: Path, empty: Glossary) -> None:
    assert empty.path is not None
    with pytest.raises(GlossaryError) as caught:
        merge_glossary(empty, empty.path)
    assert str(caught.value) == f"{empty.path}: cannot merge a glossary into itself"
    missing = tmp_path / "missing.db"
    with pytest.raises(GlossaryError) as caught:
        merge_glossary(empty, missing)
    assert str(caught.value) == f"{missing}: no such glossary file"
