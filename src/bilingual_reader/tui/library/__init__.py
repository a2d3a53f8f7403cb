"""The reader's library: the library screen, resuming where a text was left, bookmarks and chapters."""
