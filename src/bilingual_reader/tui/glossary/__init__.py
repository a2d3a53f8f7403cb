"""The glossary screen and the entry form (also opened from the reader)."""
