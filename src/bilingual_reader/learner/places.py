"""Where in a paragraph a word is: the Thai sentence around a character offset."""

from __future__ import annotations

__all__ = ["sentence_at"]


def sentence_at(paragraph: str, offset: int) -> str:
    """The sentence of ``paragraph`` holding character ``offset`` (the splitter the translation uses)."""
    from bilingual_reader.translation.sentences import split_sentences

    position = 0
    for sentence in split_sentences(paragraph):
        start = paragraph.find(sentence, position)
        if start < 0:
            continue
        end = start + len(sentence)
        if start <= offset < end:
            return sentence
        position = end
    return paragraph.strip()
