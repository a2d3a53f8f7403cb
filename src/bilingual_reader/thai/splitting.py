"""Splitting one word into dictionary words (for per-word pronunciation), without a second dictionary.

The segmenter's nlpo3 dictionary holds glossary terms, which a split must not keep whole; building
pythainlp's Trie for this costs 0.5 s and 60 MiB. A word is short, so a dynamic programme over its
Thai character clusters, asking the word list already in memory, finds the same pieces as newmm.
"""

from __future__ import annotations

from collections.abc import Callable

from bilingual_reader.thai.corpora import is_thai_word, tcc_clusters

__all__ = ["split_words"]

_MAX_CLUSTERS = 24  # the longest dictionary word tried, in clusters


def split_words(word: str, is_word: Callable[[str], bool] | None = None) -> list[str]:
    """Split ``word`` into dictionary words covering it: fewest unknown characters, then fewest pieces.

    Runs of clusters that start no dictionary word stay together as one piece. ``is_word`` defaults to
    membership in pythainlp's word list. Whitespace-only pieces are dropped.
    """
    if not word:
        return []
    known = is_word or is_thai_word
    ends = [0]
    for cluster in tcc_clusters(word):
        ends.append(ends[-1] + len(cluster))
    # best[i]: (unknown characters, pieces, -length of the last piece) of word[:ends[i]], and the start index
    best: list[tuple[tuple[int, int, int], int]] = [((0, 0, 0), 0)]
    for i in range(1, len(ends)):
        choice: tuple[tuple[int, int, int], int] | None = None
        for j in range(max(0, i - _MAX_CLUSTERS), i):
            piece = word[ends[j] : ends[i]]
            cost = best[j][0]
            if known(piece):
                candidate = ((cost[0], cost[1] + 1, -(ends[i] - ends[j])), j)
            elif j == i - 1:
                candidate = ((cost[0] + len(piece), cost[1] + 1, 0), j)
            else:
                continue
            if choice is None or candidate[0][:2] < choice[0][:2]:
                choice = candidate
        assert choice is not None  # the single-cluster step always exists
        best.append(choice)
    pieces: list[tuple[str, bool]] = []
    i = len(ends) - 1
    while i > 0:
        j = best[i][1]
        piece = word[ends[j] : ends[i]]
        pieces.append((piece, known(piece)))
        i = j
    pieces.reverse()
    merged: list[str] = []
    unknown_run = False
    for piece, is_known in pieces:
        if not is_known and unknown_run:
            merged[-1] += piece
        else:
            merged.append(piece)
        unknown_run = not is_known
    return [piece for piece in merged if piece.strip()]
