"""bilingual-reader: read Thai with English beside it, in the terminal."""

import os

# pythainlp must never reach for the network: a missing corpus raises at once instead of downloading.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

__version__ = "0.1.0"
