"""The learner's loop in the reader: word statuses in the text, glosses, hide and reveal, progress."""
