"""The term-list syntax (``glossary.terms``): what it accepts, what it refuses, and its inverse."""

from __future__ import annotations

import pytest

from bilingual_reader.glossary.models import Status, Term
from bilingual_reader.glossary.terms import TermSyntaxError, format_terms, parse_terms

P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN
EXPECTED = "(expected preferred, admitted, deprecated or forbidden)"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("tank", [("tank", P)]),
        ("main battle tank ; MBT", [("main battle tank", P), ("MBT", A)]),
        ("a;b ;  c", [("a", P), ("b", A), ("c", A)]),
        ("heavy   tank [Deprecated]", [("heavy tank", D)]),
        ("a [admitted] ; b [preferred] ; c [forbidden]", [("a", A), ("b", P), ("c", F)]),
        ("รถถัง ; รถรบ [deprecated]", [("รถถัง", P), ("รถรบ", D)]),
        ("1:50 000 map", [("1:50 000 map", P)]),
        ("   ", []),
        ("", []),
    ],
)
def test_accepted(text: str, terms: list[tuple[str, Status]]) -> None:
    assert [(t.text, t.status) for t in parse_terms(text, "en")] == terms


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("test [bogus]", f"unknown status [bogus] on 'test' {EXPECTED}"),
        (
            "test:bogus",
            f"'test:bogus': unknown status 'bogus' {EXPECTED}; a status is written in brackets: "
            "'test [deprecated]'",
        ),
        ("test:deprecated", "'test:deprecated': a status is written in brackets: 'test [deprecated]'"),
        ("a ; ; b", "empty term in 'a ; ; b'"),
        ("tank ;", "empty term in 'tank ;'"),
        ("[forbidden]", "empty term in '[forbidden]'"),
        ("M1 [A] tank", f"'M1 [A] tank': brackets only mark a status at the end of a term {EXPECTED}"),
        (
            "tank [deprecated",
            f"'tank [deprecated': brackets only mark a status at the end of a term {EXPECTED}",
        ),
    ],
)
def test_refused_in_one_line(text: str, message: str) -> None:
    with pytest.raises(TermSyntaxError) as info:
        parse_terms(text, "en")
    assert str(info.value) == message


def test_repeated_values_read_as_one_list() -> None:
    terms = parse_terms(("artillery", "gun [deprecated]", "cannon"), "en", "noun")
    assert [(t.text, t.status) for t in terms] == [("artillery", P), ("gun", D), ("cannon", A)]


@pytest.mark.parametrize(
    "statuses",
    [(P,), (P, A, A), (A, P), (P, D, F), (D,), (F, A, P)],
)
def test_format_is_the_inverse(statuses: tuple[Status, ...]) -> None:
    terms = [Term(text=f"term {i}", lang="en", status=s) for i, s in enumerate(statuses)]
    text = format_terms(terms)
    assert parse_terms(text, "en") == terms
    assert format_terms(parse_terms(text, "en")) == text
