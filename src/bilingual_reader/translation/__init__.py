"""Offline Thai→English translation: Argos packages, sentence splitting, the engine, memory and pipeline.

Entry points (import the modules directly; this package imports nothing heavy):
- ``packages.installed_model()``, ``packages.install_file(path)``, ``index.install_from_index(progress)``,
  ``packages.remove_models()``: the model on disk.
- ``engine.open_engine(fast=False)``: an :class:`engine.Engine` for the installed model (loads lazily).
- ``memory.TranslationMemory()``: open one per thread (a worker opens its own).
- ``pipeline.translate_article(article, engine=, memory=, order=, cancelled=)`` yields
  ``pipeline.ParagraphResult``; ``pipeline.retranslate_paragraph``, ``pipeline.save_post_edit``.
- ``steering.Steerer(TermChecker(concepts))`` passed as ``steerer=`` to the pipeline: machine translations
  steered to the glossary's approved terms, one ``steering.SentenceSteering`` record per sentence.
- ``flags.DESCRIPTIONS``: what each flag on a result means.
"""
