"""``python -m bilingual_reader``: the same as the ``bilingual-reader`` command."""

from bilingual_reader.cli import main

main()
