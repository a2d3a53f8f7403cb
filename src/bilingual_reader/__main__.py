"""``python -m bilingual_reader``: the same as the ``bilingual-reader`` command."""

from bilingual_reader.cli import main

if __name__ == "__main__":
    main()
