"""Teaching tools: material made from a document for others to learn with (word lists, exercises, handouts).

Belongs here: headless builders that turn a document, its glossary terms and translations into teaching
material and write it out (through ``files.write_output``). Not here: the learner's own state
(``learner/``), the terminology check (``qa/``), the CLI or TUI skins.
"""
