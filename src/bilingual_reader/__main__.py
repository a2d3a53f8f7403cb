"""``python -m bilingual_reader``: the same as the ``bilingual-reader`` command."""

from bilingual_reader.launcher import run

if __name__ == "__main__":
    run()
