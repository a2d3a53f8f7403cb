"""The Textual reader: Thai paragraphs beside their English, with glossary popups and an entry form."""
