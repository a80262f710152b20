"""Thin helpers that wire ipywidgets controls to a chart function.

:func:`explore` takes a chart function (keyword arguments in, Figure out) and a control
per argument.  Displayed in a live notebook it is the controls plus the chart, redrawn on
every change.  Its display output also carries the *default* chart as a plain ``<img>``
with alt text, so the static book (which is configured to skip widget views) shows a
complete figure and no control that would do nothing without a kernel.
"""

from __future__ import annotations

import html
import io
import math
from collections.abc import Callable

import ipywidgets as w
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager, get_font
from PIL import Image

from .charts import img_html

__all__ = [
    "explore",
    "Explorer",
    "dropdown",
    "year_range",
    "toggle",
    "slider",
    "select_many",
    "frame_png",
]

STATIC_NOTE = (
    '<p class="multipolar-static-note"><em>Interactive in Jupyter: launch this page '
    "(Binder, Colab or JupyterHub, from the rocket menu above) to change this chart.</em></p>"
)


#: zlib level of the PNG frames sent on each redraw: level 1 encodes two to three times faster
#: than the default (6) for a few per cent more bytes. The static image keeps the default.
LIVE_PNG_LEVEL = 1


class _GlyphRecorder:
    """Stands in for the Agg renderer while a text is drawn once: keeps each glyph's bitmap and where
    it went, and draws it as the real renderer would."""

    def __init__(self, renderer):
        self.renderer, self.glyphs = renderer, []

    def draw_text_image(self, image, x, y, angle, gc):
        self.glyphs.append((image.copy(), x, y, angle))
        self.renderer.draw_text_image(image, x, y, angle, gc)

    def __getattr__(self, name):
        return getattr(self.renderer, name)


class _LiveRenderer(RendererAgg):
    """An Agg renderer that remembers the glyph bitmaps of every text it draws.

    A redraw draws mostly the same texts (titles, labels, ticks, notes) at the same places, and
    laying out and rasterising text is about half of matplotlib's drawing time. A text is looked up
    by its string, font, angle and its position's fraction of a pixel (in FreeType's 1/64 px); a
    text drawn again is the same glyph bitmaps, shifted by whole pixels. Kept across redraws of
    the same size (see :class:`_LiveCanvas`), it also lets matplotlib's own cache of text sizes,
    which is kept per renderer, answer the layout engine.
    """

    MAX_TEXTS = 4000

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self._texts: dict = {}
        self._heights: dict = {}

    def _get_font_height_metrics(self, prop):
        """The font's ascent, descent and line gap in pixels, as ``Text._get_layout`` reads them
        from the font's tables for every text at every draw; here once per font and size."""
        key = (hash(prop), prop.get_size_in_points())
        if key not in self._heights:
            font = get_font(fontManager._find_fonts_by_props(prop))
            found = (None, None, None)
            for table_name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table = font.get_sfnt_table(table_name)
                if table is None:
                    continue
                scale = (
                    prop.get_size_in_points()
                    * self.dpi
                    / 72
                    / font.get_sfnt_table("head")["unitsPerEm"]
                )
                found = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
            self._heights[key] = found
        return self._heights[key]

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        fx, fy = math.floor(x), math.floor(y)
        key = (
            s,
            hash(prop),
            prop.get_size_in_points(),
            angle,
            bool(gc.get_antialiased()),
            round((x - fx) * 64),
            round((y - fy) * 64),
            None if mtext is None else str(mtext.get_fontfeatures()),
            None if mtext is None else mtext.get_language(),
        )
        glyphs = self._texts.get(key)
        if glyphs is None:
            real, recorder = self._renderer, _GlyphRecorder(self._renderer)
            self._renderer = recorder
            try:
                super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            finally:
                self._renderer = real
            if len(self._texts) >= self.MAX_TEXTS:
                self._texts.clear()
            self._texts[key] = [(img, gx - fx, gy - fy, a) for img, gx, gy, a in recorder.glyphs]
            return None
        for image, dx, dy, a in glyphs:
            self._renderer.draw_text_image(image, dx + fx, dy + fy, a, gc)
        return None


class _LiveCanvas(FigureCanvasAgg):
    """A canvas whose renderer is shared by every live frame of the same size and resolution."""

    _shared: dict = {}

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        renderer = self._shared.get(key)
        if renderer is None:
            if len(self._shared) >= 8:
                self._shared.clear()
            renderer = self._shared[key] = _LiveRenderer(w, h, self.figure.dpi)
        self.renderer, self._lastKey = renderer, key
        return renderer


def frame_png(fig: Figure) -> bytes:
    """``fig`` as PNG, the pixels of ``charts.png_bytes`` (at the figure's own dpi), faster.

    ``savefig`` draws a figure twice when it has a layout engine (once to lay it out, once to
    paint); here one draw does both, on a renderer that reuses the text it drew before (see
    :class:`_LiveRenderer`: a text is placed to within 1/64 px of where ``savefig`` puts it), and
    the PNG is encoded at :data:`LIVE_PNG_LEVEL`. The figure keeps its own canvas afterwards, so
    the static image of the book is drawn as before.
    """
    own = fig.canvas
    canvas = _LiveCanvas(fig)
    try:
        canvas.draw()
        image = Image.frombuffer(
            "RGBA",
            canvas.get_width_height(physical=True),
            canvas.buffer_rgba(),
            "raw",
            "RGBA",
            0,
            1,
        )
        buf = io.BytesIO()
        image.save(buf, format="png", compress_level=LIVE_PNG_LEVEL)
    finally:
        fig.set_canvas(own)
    return buf.getvalue()


class _Frame:
    """A rendered redraw: the <img> (PNG inlined, with alt text) and its alt text as plain text."""

    def __init__(self, html: str, alt: str):
        self.html, self.alt = html, alt

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.alt}


class Explorer:
    """Controls wired to a chart function; see :func:`explore`.

    ``draw`` may return a new Figure on every call, or update one Figure in place and return it
    again (see ``maps.membership_widget``): the frame is rendered to PNG at each change either way.
    """

    def __init__(self, draw: Callable[..., Figure], controls: dict[str, w.ValueWidget]):
        if not controls:
            raise ValueError("explore() needs at least one control")
        self.draw = draw
        self.controls = controls
        self.output = w.Output()
        for control in controls.values():
            control.observe(self.update, names="value")
        self.default_figure = self.figure = draw(**self.values())
        self.message: str | None = None
        self.box = w.VBox(
            [w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap")), self.output]
        )
        self._render(self.default_figure)

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def frame(self, fig: Figure) -> _Frame:
        """``fig`` rendered for the live view (same size and resolution as the static image)."""
        return _Frame(img_html(fig, frame_png(fig)), getattr(fig, "alt_text", "Chart"))

    def _render(self, fig: Figure) -> None:
        frame = self.frame(fig)
        self.output.clear_output(wait=True)
        with self.output:
            display(frame)

    def update(self, change=None) -> Figure | None:
        """Redraw with the controls' current values (called on every change): draw, render, show.

        A combination of values the chart cannot show (the chart function raises ValueError) puts
        the error's message in place of the chart, and returns None.
        """
        try:
            fig = self.draw(**self.values())
        except ValueError as exc:
            self.message = str(exc)
            self.output.clear_output(wait=True)
            with self.output:
                message = f'<p class="multipolar-widget-message">{html.escape(str(exc))}</p>'
                display(_Frame(message, str(exc)))
            return None
        self.figure, self.message = fig, None
        self._render(fig)
        return fig

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.box._repr_mimebundle_() or {}
        bundle["text/html"] = img_html(self.default_figure) + STATIC_NOTE
        bundle["text/plain"] = getattr(self.default_figure, "alt_text", "Interactive chart")
        return bundle


def explore(draw: Callable[..., Figure], **controls: w.ValueWidget) -> Explorer:
    """Wire ``controls`` (one per keyword argument of ``draw``) to the chart function ``draw``."""
    return Explorer(draw, controls)


_STYLE = {"description_width": "initial"}


def dropdown(options, value=None, description: str = "") -> w.Dropdown:
    """A labelled dropdown; ``options`` is a list or a {label: value} dict."""
    return w.Dropdown(
        options=options,
        value=value
        if value is not None
        else (list(options.values())[0] if isinstance(options, dict) else list(options)[0]),
        description=description,
        style=_STYLE,
    )


def year_range(
    first: int, last: int, value: tuple[int, int] | None = None, description: str = "Years"
) -> w.IntRangeSlider:
    """A slider for a (start, end) pair of years."""
    return w.IntRangeSlider(
        min=first,
        max=last,
        value=value or (first, last),
        step=1,
        description=description,
        continuous_update=False,
        style=_STYLE,
        layout=w.Layout(width="420px"),
    )


def toggle(options, value=None, description: str = "") -> w.ToggleButtons:
    """Toggle buttons for a few exclusive choices."""
    return w.ToggleButtons(
        options=options,
        value=value
        if value is not None
        else (list(options.values())[0] if isinstance(options, dict) else list(options)[0]),
        description=description,
        style=_STYLE,
    )


def select_many(options, value=None, description: str = "") -> w.SelectMultiple:
    """A multi-select list (Ctrl/Cmd-click to pick several)."""
    opts = list(options)
    return w.SelectMultiple(
        options=opts,
        value=tuple(value or opts[:1]),
        description=description,
        rows=min(8, len(opts)),
        style=_STYLE,
    )


# ---------------------------------------------------------------- chapter 5


def slider(
    first: float, last: float, value: float, step: float = 1, description: str = ""
) -> w.ValueWidget:
    """A labelled slider: whole-number steps give an IntSlider, others a FloatSlider."""
    whole = all(float(v).is_integer() for v in (first, last, value, step))
    cls = w.IntSlider if whole else w.FloatSlider
    cast = int if whole else float
    return cls(
        min=cast(first),
        max=cast(last),
        value=cast(value),
        step=cast(step),
        description=description,
        continuous_update=False,
        style=_STYLE,
        layout=w.Layout(width="360px"),
    )
