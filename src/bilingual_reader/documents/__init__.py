"""Documents the reader opens: reading files into paragraphs with roles (today plain-text articles)."""
