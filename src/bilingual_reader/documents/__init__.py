"""Documents the reader opens: files of any format it knows (text, EPUB, HTML, Markdown, subtitles, XLIFF/TMX)
read into paragraphs with roles and chapters; ``opening.open_document`` is the entry point."""
