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
from collections.abc import Callable

import ipywidgets as w
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
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


def frame_png(fig: Figure) -> bytes:
    """``fig`` as PNG, the same pixels as ``charts.png_bytes`` (at the figure's own dpi), faster.

    ``savefig`` draws a figure twice when it has a layout engine (once to lay it out, once to
    paint); here one draw does both, and the PNG is encoded at :data:`LIVE_PNG_LEVEL`.
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    image = Image.frombuffer(
        "RGBA", canvas.get_width_height(physical=True), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
    )
    buf = io.BytesIO()
    image.save(buf, format="png", compress_level=LIVE_PNG_LEVEL)
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
