"""The key bar (every screen's footer) draws the keys cell for cell as Textual's ``Footer`` does, hover and
dimmed keys included; a click presses a key; a popup's bar lists the popup's keys."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from bilingual_reader.tui.widgets.key_bar import KeyBar

Cell = tuple[str, object, object, bool | None, bool | None]


class Keys(Screen[None]):
    """Shown keys, a hidden one, one that cannot run now (dimmed), two keys for one action (listed once),
    a key shown as another text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "press('a')", "One"),
        Binding("b", "press('b')", "Two things"),
        Binding("c", "press('c')", "Hidden", show=False),
        Binding("d", "press('d')", "Off"),
        Binding("left,right", "press('word')", "Word", key_display="←→"),
        Binding("x", "press('a')", "One again"),
    ]

    def __init__(self, footer: Widget) -> None:
        super().__init__()
        self.footer = footer
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("text")
        yield self.footer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("d",) else True

    def action_press(self, name: str) -> None:
        self.pressed.append(name)


class KeysApp(App[None]):
    def __init__(self, footer: Widget) -> None:
        super().__init__()
        self.keys_screen = Keys(footer)

    def on_mount(self) -> None:
        self.push_screen(self.keys_screen)


async def _bottom_line(footer: Widget, width: int, hover: int | None) -> list[Cell]:
    """The cells of the bottom line of a ``width``-wide app with ``footer``, the pointer at ``hover``."""
    app = KeysApp(footer)
    async with app.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        if hover is not None:
            await pilot.hover(offset=(hover, 3))
        await pilot.pause()
        strip = app.screen._compositor.render_strips()[-1]
        return [
            (char, seg.style.color, seg.style.bgcolor, seg.style.bold, seg.style.dim)
            for seg in strip
            for char in seg.text
            if seg.style is not None
        ]


@pytest.mark.parametrize(("width", "hover"), [(60, None), (60, 2), (60, 24), (60, 58), (30, None)])
async def test_the_bar_draws_the_keys_as_textuals_footer_does(width: int, hover: int | None) -> None:
    ours = await _bottom_line(KeyBar(), width, hover)
    textuals = await _bottom_line(Footer(), width, hover)
    assert "".join(cell[0] for cell in ours).startswith(" a One  b Two things  d Off  ←→ Word "[: width - 12])
    assert ours == textuals


async def test_a_click_presses_the_key_and_a_key_that_cannot_run_rings_the_bell() -> None:
    bar = KeyBar()
    app = KeysApp(bar)
    bells: list[bool] = []
    app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        assert [(key.display, key.description, key.enabled) for key in bar.keys] == [
            ("a", "One", True),
            ("b", "Two things", True),
            ("d", "Off", False),
            ("←→", "Word", True),
        ]
        assert bar.palette is not None and bar.key_at(58) is bar.palette
        await pilot.click(bar, offset=(5, 0))  # "One"
        await pilot.click(bar, offset=(10, 0))  # "Two things"
        await pilot.click(bar, offset=(21, 0))  # "Off": cannot run
        await pilot.click(bar, offset=(40, 0))  # nothing there
        await pilot.pause()
        assert (app.keys_screen.pressed, bells) == (["a", "b"], [True])


class Popup(Widget):
    """A modal widget with keys of its own, one of them only sometimes there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("s", "status", "Status"),
    ]
    can_focus = True
    with_status = False

    @property
    def is_modal(self) -> bool:
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.with_status if action == "status" else True


async def test_a_popups_bar_follows_the_popup_and_the_screens_bar_keeps_its_keys() -> None:
    popup = Popup()
    popup_bar, screen_bar = KeyBar(popup), KeyBar()

    class Host(App[Any]):
        def compose(self) -> ComposeResult:
            yield popup
            yield popup_bar
            yield screen_bar

    async with Host().run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        screen_keys = screen_bar.keys
        assert [key.action for key in popup_bar.keys] == ["close"]  # listed before the popup has the focus
        popup.with_status = True
        popup.refresh_bindings()
        await pilot.pause()
        assert [key.action for key in popup_bar.keys] == ["close", "status"]
        popup.focus()
        await pilot.pause()
        assert screen_bar.keys is screen_keys  # not the popup's keys: they are in the popup's bar
        assert popup_bar.palette is None and "Close" in popup_bar.text()


async def test_in_a_narrow_bar_the_keys_are_cut_where_the_palettes_key_starts() -> None:
    bar = KeyBar()
    async with KeysApp(bar).run_test(size=(30, 4)) as pilot:
        await pilot.pause()
        assert bar.text() == " a One  b Two thin▏^p palette "
        assert [bar.key_at(x) for x in (17, 18, 29)] == [bar.keys[1], bar.palette, bar.palette]
