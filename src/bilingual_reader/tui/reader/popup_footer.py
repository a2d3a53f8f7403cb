"""The lookup popup's footer: the popup's keys, over the reader's footer while the popup is shown."""

from __future__ import annotations

from bilingual_reader.tui.widgets.key_bar import KeyBar


class PopupFooter(KeyBar):
    """The keys of a popup (its ``owner``), listed from the popup's own bindings when it is mounted, so
    that they are ready before the popup first takes the focus, and listed again when they change (the
    status keys), shown or not. In the popup's layer, hidden until the popup opens."""

    DEFAULT_CSS = "PopupFooter { layer: popup; display: none; }"
