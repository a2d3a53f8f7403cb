"""Offline Thai→English translation: Argos packages, sentence splitting, engines, memory and pipeline.

Entry points (import the modules directly; this package imports nothing heavy):
- ``session.open_session(checker=, fast=, **settings)``: the one place that opens the settings, the engine
  (``engines.local.LocalEngine`` for the installed model, shared once loaded), the memory and glossary
  steering; ``TranslationSession.translate(article, order=, cancelled=)`` yields
  ``pipeline.ParagraphResult``; ``.retranslate(article, index)``. Errors (``errors.TranslationSetupError``:
  no model, bad settings, an unusable memory file) are one line.
- ``engines.base.Engine``: what an engine offers (batches of sentences → n-best, identity for the memory);
  ``engines.base.PrefixEngine``: forced target prefixes and scoring (local only).
- ``packages.installed_model()``, ``packages.install_file(path)``, ``index.install_from_index(progress)``,
  ``packages.remove_models()``: the model on disk.
- ``memory.TranslationMemory()``: open one per thread (a worker opens its own).
- ``pipeline.translate_article``, ``pipeline.retranslate_paragraph``, ``pipeline.save_post_edit``: what a
  session runs (tests call them with fakes).
- ``steering.Steerer(TermChecker(concepts))``: machine translations steered to the glossary's approved
  terms, one ``steering.SentenceSteering`` record per sentence.
- ``flags.DESCRIPTIONS``: what each flag on a result means.
"""
