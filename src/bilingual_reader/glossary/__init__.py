"""The glossary: a SQLite store of defense concepts with Thai and English terms."""
