"""The reader screen and its components: the text view, the English, translation, terminology, lookups."""
