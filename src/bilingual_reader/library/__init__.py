"""The library: the collection of documents a reader has (listing, adding, finding, reading positions).

Belongs here: which documents exist and their catalogue (titles, formats, where each was left off), over the
formats that ``documents/`` reads into paragraphs. Not here: reading one file's format (``documents/``),
per-reader learning state (``learner/``), screens (``tui/``).
"""
