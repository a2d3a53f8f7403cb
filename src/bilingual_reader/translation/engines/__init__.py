"""Translation engines behind one protocol (``base.Engine``): ``local`` runs an installed Argos
package, ``libretranslate`` asks a LibreTranslate server.

Open one through :func:`bilingual_reader.translation.session.open_session`, which picks the engine the
settings name; nothing here imports CTranslate2 until an engine loads its model.
"""
