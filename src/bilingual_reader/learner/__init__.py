"""The learner layer: what this reader knows and is learning (known and saved words, reviews, progress).

Belongs here: headless state and rules about the person reading (stored per user under ``paths.data_dir()``),
used by the reader and the CLI alike. Not here: Thai language facts (``thai/``), glossary terms
(``glossary/``), anything that draws (``tui/``).
"""
