"""TBX: import v2 (``martif``: termEntry/langSet/tig|ntig) and v3 (conceptEntry/langSec/termSec); export v3.

Parsing is safe: defusedxml refuses any entity declaration (billion laughs) and external reference first,
then lxml (no entity resolution, no network, no huge trees) parses for line numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from lxml import etree

from bilingual_reader.files import write_output
from bilingual_reader.glossary.formats.common import (
    DEFAULT_SUBJECT,
    BadRow,
    FormatError,
    ParsedConcept,
    ParseResult,
    read_bytes,
)
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Status, Term
from bilingual_reader.thai.text import clean_text

__all__ = ["read_tbx", "write_tbx"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
_STATUS_OUT = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
_FORBIDDEN_NOTE = "status: forbidden"
_KNOWN_SUBJECTS = {s.casefold(): s for s in SUBJECT_FIELDS}
_POS_OUT = {"adj": "adjective", "adv": "adverb", "propn": "properNoun"}
_POS_IN = {v.casefold(): k for k, v in _POS_OUT.items()}


def _status_in(value: str) -> Status | None:
    """Our status for a TBX administrativeStatus/normativeAuthorization value; None when unknown."""
    key = value.strip().casefold().removesuffix("-admn-sts").removesuffix("term")
    table = {
        "preferred": Status.PREFERRED,
        "admitted": Status.ADMITTED,
        "deprecated": Status.DEPRECATED,
        "superseded": Status.DEPRECATED,
        "obsolete": Status.DEPRECATED,
        "notrecommended": Status.DEPRECATED,
        "forbidden": Status.FORBIDDEN,
        "standardized": Status.PREFERRED,
    }
    return table.get(key)


def _local(el: Any) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: Any, *names: str) -> list[Any]:
    return [k for k in el if _local(k) in names]


def _find(el: Any, name: str, kind: str | None = None) -> list[Any]:
    return [d for d in el.iter() if _local(d) == name and (kind is None or d.get("type") == kind)]


def _text(el: Any, *, clean: bool = True) -> str:
    text = "".join(el.itertext())
    return clean_text(text) if clean else text.strip()


def _code(el: Any) -> str:
    return _text(el, clean=False)


def _parse(path: Path) -> Any:
    data = read_bytes(path)
    if not data.strip():
        raise FormatError(f"{path}: empty file")
    try:
        SafeET.fromstring(data)
    except DefusedXmlException as err:
        raise FormatError(f"{path}: refused unsafe XML ({type(err).__name__})") from None
    except SafeET.ParseError as err:
        line = err.position[0] if err.position else 1
        raise FormatError(f"{path}:{line}: bad XML: {str(err).split(':')[0]}") from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise FormatError(f"{path}:{err.lineno}: bad XML: {err.msg}") from None


def read_tbx(path: Path) -> ParseResult:
    """Read a TBX v2 or v3 file; Thai (``th*``) and English (``en*``) language sections are kept."""
    root = _parse(path)
    if _local(root) not in ("martif", "tbx"):
        raise FormatError(f"{path}:{root.sourceline}: not TBX (root element <{_local(root)}>)")
    result = ParseResult()
    for entry in root.iter():
        if _local(entry) not in ("termEntry", "conceptEntry"):
            continue
        try:
            concept = _entry(entry)
        except ValueError as err:
            line, reason = err.args
            result.errors.append(BadRow(str(path), line, reason))
            continue
        result.concepts.append(ParsedConcept(entry.sourceline, concept))
    return result


def _entry(entry: Any) -> Concept:
    subjects = [_code(d) for d in _find(entry, "descrip", "subjectField")]
    definitions = [_text(d) for d in _find(entry, "descrip", "definition")]
    notes = [_text(n) for n in _kids(entry, "note")]
    subject = subjects[0] if subjects and subjects[0] else DEFAULT_SUBJECT
    subject = _KNOWN_SUBJECTS.get(subject.casefold(), subject)
    terms: list[Term] = []
    for section in _kids(entry, "langSet", "langSec"):
        lang = (section.get(XML_LANG) or section.get("lang") or "").lower()[:2]
        if lang not in ("th", "en"):
            continue
        for index, holder in enumerate(_kids(section, "tig", "ntig", "termSec")):
            terms.append(_term(holder, lang, index))
    return Concept(
        subject=subject,
        terms=tuple(terms),
        definition=definitions[0] if definitions else "",
        note=" | ".join(n for n in notes if n),
    )


def _term(holder: Any, lang: str, index: int) -> Term:
    found = _find(holder, "term")
    text = _text(found[0]) if found else ""
    if not text:
        raise ValueError(holder.sourceline, "empty or missing <term>")
    status = Status.PREFERRED if index == 0 else Status.ADMITTED
    for note in _find(holder, "termNote", "administrativeStatus") + _find(
        holder, "termNote", "normativeAuthorization"
    ):
        value = _status_in(_code(note))
        if value is None:
            raise ValueError(note.sourceline, f"unknown administrativeStatus {_code(note)!r}")
        status = value
    if any(_code(n) == _FORBIDDEN_NOTE for n in _find(holder, "note")):
        status = Status.FORBIDDEN
    pos_notes = _find(holder, "termNote", "partOfSpeech")
    pos = _code(pos_notes[0]) if pos_notes else "noun"
    return Term(text=text, lang=lang, status=status, pos=_POS_IN.get(pos.casefold(), pos))


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, f"{{{TBX3_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def tbx_bytes(concepts: list[Concept]) -> bytes:
    """A TBX v3 document (TBX-Basic dialect, DCA style) for ``concepts``."""
    root = etree.Element(f"{{{TBX3_NS}}}tbx", nsmap={None: TBX3_NS}, style="dca", type="TBX-Basic")
    root.set(XML_LANG, "en")
    desc = _sub(_sub(_sub(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    _sub(desc, "p", "bilingual-reader glossary export")
    body = _sub(_sub(root, "text"), "body")
    for number, concept in enumerate(concepts, start=1):
        entry = _sub(body, "conceptEntry", id=f"c{concept.id if concept.id is not None else number}")
        _sub(entry, "descrip", concept.subject, type="subjectField")
        if concept.note:
            _sub(entry, "note", concept.note)
        def_lang = "en" if concept.english else "th"
        for lang in ("th", "en"):
            terms = concept.terms_in(lang)
            if not terms:
                continue
            section = _sub(entry, "langSec", **{XML_LANG: lang})
            if concept.definition and lang == def_lang:
                _sub(section, "descrip", concept.definition, type="definition")
            for term in terms:
                sec = _sub(section, "termSec")
                _sub(sec, "term", term.text)
                _sub(sec, "termNote", _POS_OUT.get(term.pos, term.pos), type="partOfSpeech")
                _sub(sec, "termNote", _STATUS_OUT[term.status], type="administrativeStatus")
                if term.status is Status.FORBIDDEN:
                    _sub(sec, "note", _FORBIDDEN_NOTE)
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    body_bytes: bytes = etree.tostring(root, encoding="utf-8", pretty_print=True)
    return head + body_bytes


def write_tbx(concepts: list[Concept], path: Path) -> None:
    """Write a TBX v3 (TBX-Basic) file."""
    write_output(path, tbx_bytes(concepts))
