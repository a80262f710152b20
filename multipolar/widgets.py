"""Thin helpers that wire ipywidgets controls to a chart function.

:func:`explore` takes a chart function (keyword arguments in, Figure out) and a control
per argument.  Displayed in a live notebook it is the controls plus the chart, redrawn on
every change.  Its display output also carries the *default* chart as a plain ``<img>``
with alt text, so the static book (which is configured to skip widget views) shows a
complete figure and no control that would do nothing without a kernel.
"""

from __future__ import annotations

import gc
import html
import io
import math
from collections import OrderedDict
from collections.abc import Callable

import ipywidgets as w
import numpy as np
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
    #: dpi -> (glyphs of each text, font height metrics, text sizes): shared by the renderers of
    #: every size, since a chart whose height follows its rows (a matrix, a timeline) has a size
    #: per choice
    _caches: dict = {}

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self._texts, self._heights, self._sizes = self._caches.setdefault(dpi, ({}, {}, {}))
        #: set when a glyph of the last draw fell (partly) outside the canvas: see Explorer.frame
        self.outside = False
        #: the box (x0, top, x1, bottom; pixels, y downwards) of each text of the last draw
        self.boxes: list[tuple] = []

    def clear(self):
        super().clear()
        self.outside = False
        self.boxes = []

    def overlaps(self, inner=()) -> int:
        """How many pairs of the last draw's texts overlap (by more than a pixel each way), not
        counting pairs of texts that both lie inside one of the ``inner`` boxes (the axes: data
        labels may overlap whatever the layout)."""
        if len(self.boxes) < 2:
            return 0
        b = np.asarray(self.boxes, dtype=float)
        wide = np.minimum(b[:, None, 2], b[None, :, 2]) - np.maximum(b[:, None, 0], b[None, :, 0])
        tall = np.minimum(b[:, None, 3], b[None, :, 3]) - np.maximum(b[:, None, 1], b[None, :, 1])
        hit = np.triu((wide > 1) & (tall > 1), 1)
        for x0, top, x1, bottom in inner:
            within = (
                (b[:, 0] >= x0 - 1)
                & (b[:, 2] <= x1 + 1)
                & (b[:, 1] >= top - 1)
                & (b[:, 3] <= bottom + 1)
            )
            hit &= ~(within[:, None] & within[None, :])
        return int(hit.sum())

    def _box(self, glyphs, fx, fy) -> None:
        glyphs = [g for g in glyphs if g[0].size]  # a space has an empty bitmap, placed anywhere
        if glyphs:
            self.boxes.append(
                (
                    min(dx + fx for _i, dx, _dy, _a in glyphs),
                    min(dy + fy - i.shape[0] for i, _dx, dy, _a in glyphs),
                    max(dx + fx + i.shape[1] for i, dx, _dy, _a in glyphs),
                    max(dy + fy for _i, _dx, dy, _a in glyphs),
                )
            )

    def _check(self, image, x, y) -> None:
        """Note a glyph bitmap (``x`` its left, ``y`` its bottom, downwards) not wholly on the canvas."""
        h, w = image.shape[:2]
        if h and w and (x < 0 or y - h < 0 or x + w > self.width or y > self.height):
            self.outside = True

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

    def get_text_width_height_descent(self, s, prop, ismath):
        """A text's size, as Agg measures it, from a cache shared by every size of canvas: the
        layout engine measures every text of a frame, and matplotlib's own cache of these sizes
        is kept per renderer, so a new size of chart measured every text afresh."""
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (s, hash(prop), prop.get_size_in_points())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= self.MAX_TEXTS:
                self._sizes.clear()
            size = self._sizes[key] = super().get_text_width_height_descent(s, prop, ismath)
        return size

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
            self._texts[key] = glyphs = [
                (img, gx - fx, gy - fy, a) for img, gx, gy, a in recorder.glyphs
            ]
            for image, dx, dy, _a in glyphs:
                self._check(image, dx + fx, dy + fy)
            self._box(glyphs, fx, fy)
            return None
        self._box(glyphs, fx, fy)
        for image, dx, dy, a in glyphs:
            self._check(image, dx + fx, dy + fy)
            self._renderer.draw_text_image(image, dx + fx, dy + fy, a, gc)
        return None


class _LiveCanvas(FigureCanvasAgg):
    """A canvas whose renderer is shared by every live frame of the same size and resolution.

    The renderers of the :data:`MAX_SIZES` sizes drawn last are kept (each holds a canvas-sized
    buffer; their text caches are shared, see :class:`_LiveRenderer`)."""

    MAX_SIZES = 8
    _shared: OrderedDict = OrderedDict()

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        renderer = self._shared.get(key)
        if renderer is None:
            while len(self._shared) >= self.MAX_SIZES:
                self._shared.popitem(last=False)  # the size drawn longest ago
            renderer = self._shared[key] = _LiveRenderer(w, h, self.figure.dpi)
        self._shared.move_to_end(key)
        self.renderer, self._lastKey = renderer, key
        return renderer


def frame_png(fig: Figure, report: dict | None = None) -> bytes:
    """``fig`` as PNG, the pixels of ``charts.png_bytes`` (at the figure's own dpi), faster.

    ``savefig`` draws a figure twice when it has a layout engine (once to lay it out, once to
    paint); here one draw does both, on a renderer that reuses the text it drew before (see
    :class:`_LiveRenderer`: a text is placed to within 1/64 px of where ``savefig`` puts it), and
    the PNG is encoded at :data:`LIVE_PNG_LEVEL`, without its alpha channel when every pixel is
    opaque (a quarter less to encode and send). The figure keeps its own canvas afterwards, so
    the static image of the book is drawn as before. ``report["outside"]`` (when given) tells
    whether a glyph fell outside the canvas, ``report["overlaps"]`` how many pairs of texts overlap (not both inside one axes).
    """
    own = fig.canvas
    canvas = _LiveCanvas(fig)
    try:
        canvas.draw()
        if report is not None:
            report["outside"] = canvas.renderer.outside
            height = canvas.renderer.height
            report["overlaps"] = canvas.renderer.overlaps(
                [
                    (x0, height - y1, x1, height - y0)
                    for x0, y0, x1, y1 in (ax.bbox.extents for ax in fig.axes)
                ]
            )
        rgba = np.asarray(canvas.buffer_rgba())
        image = Image.fromarray(rgba)
        if rgba[..., 3].min() == 255:  # opaque (a chart's white ground): RGB says the same, faster
            image = image.convert("RGB")
        buf = io.BytesIO()
        image.save(buf, format="png", compress_level=LIVE_PNG_LEVEL)
    finally:
        fig.set_canvas(own)
    return buf.getvalue()


def _text_key(t) -> tuple:
    return (t.get_text(), t.get_fontsize(), str(t.get_fontweight()), t.get_rotation())


def _shape_key(t) -> tuple:
    """What a title's or label's share of the layout depends on: its number of lines and font
    (its length only matters if it runs off the canvas, which the redraw itself reports)."""
    text = t.get_text()
    return (
        text.count("\n") + 1 if text else 0,
        t.get_fontsize(),
        str(t.get_fontweight()),
        t.get_rotation(),
    )


def _layout_key(fig: Figure) -> tuple | None:
    """What the constrained layout of ``fig`` depends on, read without drawing; None when unsure.

    Two figures with the same key get the same layout, up to what a redraw can tell by itself:
    a title, label or tick label grown longer runs off the canvas, and :meth:`Explorer.frame`
    then lays the figure out afresh. Only figures whose axes share one column qualify: there a
    longer label cannot run into a neighbour's side.
    """
    from matplotlib.layout_engine import ConstrainedLayoutEngine
    from matplotlib.legend import Legend
    from matplotlib.text import Annotation
    from matplotlib.ticker import FixedFormatter

    engine = fig.get_layout_engine()
    if type(engine) is not ConstrainedLayoutEngine or fig.subfigs or fig.legends:
        return None
    # one axes: the layout is kept as margins in pixels, which serve a figure of another height
    size = fig.get_size_inches()
    key: list = [
        (size[0],) if len(fig.axes) == 1 else tuple(size),
        fig.dpi,
        tuple(sorted(engine.get().items())),
    ]
    # the layout moves these across (y, or x for supylabel): their shape and their position
    # along the figure's edge (a longer one that wraps to more lines runs into another text)
    for t, along in ((fig._suptitle, 0), (fig._supxlabel, 0), (fig._supylabel, 1)):
        key.append(None if t is None else (_shape_key(t), t.get_position()[along], t.get_wrap()))
    sup = (fig._suptitle, fig._supxlabel, fig._supylabel)
    key += [
        (_text_key(t), t.get_position(), type(t.get_transform()).__name__)
        for t in fig.texts
        if not any(t is s for s in sup)
    ]
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:
            return None
        grid = spec.get_gridspec()
        if grid.get_geometry()[1] != 1:
            return None
        key.append(
            (
                spec.rowspan,
                spec.colspan,
                grid.get_geometry(),
                tuple(grid.get_height_ratios() or ()),
                tuple(grid.get_width_ratios() or ()),
                ax.axison,
                ax.get_aspect(),
                tuple(_shape_key(t) for t in (ax.title, ax._left_title, ax._right_title)),
            )
        )
        for axis in (ax.xaxis, ax.yaxis):
            fmt = axis.get_major_formatter()
            key.append(
                (
                    _shape_key(axis.label),
                    axis.get_label_position(),
                    axis.get_ticks_position(),
                    repr(sorted(axis._major_tick_kw.items())),
                    # fixed labels: with one axes, a longer one runs off the canvas or into
                    # another text, which the redraw reports; beside other axes, it might not
                    type(fmt).__name__
                    if not isinstance(fmt, FixedFormatter) or len(fig.axes) == 1
                    else tuple(fmt.seq),
                )
            )
        legend = ax.get_legend()
        if legend is not None:
            anchor = legend.get_bbox_to_anchor()
            key.append(
                (
                    -(-len(legend.get_texts()) // legend._ncols),  # rows
                    tuple(sorted(set(_shape_key(t) for t in legend.get_texts()))),
                    legend._loc,
                    legend._ncols,
                    None if anchor is None else tuple(getattr(anchor, "_bbox", anchor).bounds),
                    _shape_key(legend.get_title()),
                )
            )
        # texts outside the axes' own box take space the layout makes room for: which side they
        # are on and their shape (where exactly, and their length, a redraw checks by itself)
        ax._unstale_viewLim()  # the data limits a draw would use (autoscaled)
        to_axes = ax.transAxes.inverted()
        for t in ax.texts:
            if isinstance(t, Annotation):  # placed by the point it annotates (its text is offset)
                frame = {"data": ax.transData, "axes fraction": ax.transAxes}.get(t.xycoords)
                if frame is None:
                    return None
                u, v = to_axes.transform(frame.transform(t.xy))
            else:
                u, v = to_axes.transform(t.get_transform().transform(t.get_position()))
            if not (-1e-6 <= u <= 1 + 1e-6 and -1e-6 <= v <= 1 + 1e-6):
                key.append((_shape_key(t), u < 0, u > 1, v < 0, v > 1, t.get_ha(), t.get_va()))
        for child in ax.get_children():
            if isinstance(child, Legend) and child is not legend:
                return None
    return tuple(key)


_SUP = ("_suptitle", "_supxlabel", "_supylabel")


def _layout_of(fig: Figure) -> tuple:
    """Where the layout put the axes and the figure's titles (to give a figure of the same key):
    for one axes, its margins and the titles' distances from their edge, in pixels."""
    w, h = fig.bbox.width, fig.bbox.height
    titles = [getattr(fig, name) for name in _SUP]
    if len(fig.axes) == 1:
        x0, y0, x1, y1 = fig.axes[0].get_position(original=True).extents
        edges = [
            None if t is None else d
            for t, d in zip(
                titles,
                (
                    (1 - titles[0].get_position()[1]) * h if titles[0] else 0,
                    titles[1].get_position()[1] * h if titles[1] else 0,
                    titles[2].get_position()[0] * w if titles[2] else 0,
                ),
                strict=True,
            )
        ]
        return ("pixels", (x0 * w, y0 * h, (1 - x1) * w, (1 - y1) * h), edges)
    boxes = [ax.get_position(original=True).frozen() for ax in fig.axes]
    return ("fractions", boxes, [None if t is None else t.get_position() for t in titles])


def _wider(old: tuple, new: tuple) -> tuple:
    """For one axes (margins in pixels), the wider of each margin of the ``old`` layout, which
    a frame could not use, and the ``new`` one laid out for that frame: a choice of values with
    longer labels (say) and one with shorter ones then share a layout that fits both, instead of
    each laying the other's out afresh. Titles keep the ``new`` places. Otherwise ``new``."""
    if old[0] != "pixels" or new[0] != "pixels":
        return new
    return ("pixels", tuple(max(a, b) for a, b in zip(old[1], new[1], strict=True)), new[2])


def _use_layout(fig: Figure, layout: tuple) -> None:
    from matplotlib.transforms import Bbox

    kind, boxes, titles = layout
    titled = [getattr(fig, name) for name in _SUP]
    if kind == "pixels":
        w, h = fig.bbox.width, fig.bbox.height
        left, bottom, right, top = boxes
        fig.axes[0]._set_position(Bbox([[left / w, bottom / h], [1 - right / w, 1 - top / h]]))
        for t, d, i in zip(titled, titles, range(3), strict=True):
            if t is not None:
                x, y = t.get_position()
                t.set_position([(x, 1 - d / h), (x, d / h), (d / w, y)][i])
        return
    for ax, box in zip(fig.axes, boxes, strict=True):
        ax._set_position(box)
    for t, pos in zip(titled, titles, strict=True):
        if t is not None:
            t.set_position(pos)


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
        #: layout key -> layout, of the last frames laid out; how many frames reused a layout,
        #: and how many tried one and were laid out afresh
        self._layouts: dict = {}
        self.layouts_reused = self.layouts_redone = 0
        self.box = w.VBox(
            [w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap")), self.output]
        )
        self._render(self.default_figure)

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def frame(self, fig: Figure) -> _Frame:
        """``fig`` rendered for the live view (same size and resolution as the static image).

        Laying out a figure is about half of drawing it. A figure whose layout key (see
        :func:`_layout_key`) is that of an earlier frame takes that frame's layout instead; if a
        glyph then falls outside the canvas (a longer tick label, say), or more of its texts
        overlap than in the frame laid out, it is laid out afresh. The layouts of up to 32 keys
        are kept. A reused layout can leave a little more space
        than a fresh one would (a shorter label); the static image is always laid out afresh.
        """
        return _Frame(img_html(fig, self._png(fig)), getattr(fig, "alt_text", "Chart"))

    def _png(self, fig: Figure) -> bytes:
        key = _layout_key(fig)
        if key is not None and key in self._layouts:
            layout, overlaps = self._layouts[key]
            engine, report = fig.get_layout_engine(), {}
            _use_layout(fig, layout)
            engine.execute = lambda fig: None  # this draw keeps the positions just given
            try:
                png = frame_png(fig, report)
            finally:
                del engine.execute
            if not report["outside"] and report["overlaps"] <= overlaps:
                self.layouts_reused += 1
                return png
            self.layouts_redone += 1
        report = {}
        png = frame_png(fig, report)
        if key is not None:
            if len(self._layouts) >= 32:
                self._layouts.clear()
            layout, overlaps = _layout_of(fig), report["overlaps"]
            if key in self._layouts:  # tried and redone: keep room for both frames' texts
                layout = _wider(self._layouts[key][0], layout)
                overlaps = max(overlaps, self._layouts[key][1])
            self._layouts[key] = (layout, overlaps)
        return png

    def _render(self, fig: Figure) -> None:
        frame = self.frame(fig)
        self.output.clear_output(wait=True)
        with self.output:
            display(frame)

    def update(self, change=None) -> Figure | None:
        """Redraw with the controls' current values (called on every change): draw, render, show.

        A combination of values the chart cannot show (the chart function raises ValueError) puts
        the error's message in place of the chart, and returns None.

        Python's cyclic garbage collector is paused while the chart is drawn and shown: a redraw
        makes tens of thousands of objects, and a collection in its middle (which walks every
        object the notebook holds) could double its time. It runs as usual once the frame is
        out; nothing is kept from being freed.
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._update()
        finally:
            if paused:
                gc.enable()

    def _update(self) -> Figure | None:
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
