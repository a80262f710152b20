"""A myst-nb renderer for the static book (used only by the Jupyter Book build).

It is the default renderer minus one thing: it does not embed the ipywidgets state of the
page. The static book shows each interactive chart's default figure as a plain image (see
:mod:`multipolar.widgets`), and no widget manager loads there, so the state would only add
weight to the page. Selected in ``_config.yml`` with ``nb_render_plugin: multipolar``.
"""

from myst_nb.core.render import NbElementRenderer


class StaticBookRenderer(NbElementRenderer):
    """Default myst-nb rendering, without the embedded widget state."""

    def render_nb_finalise(self, metadata: dict) -> None:
        metadata = {k: v for k, v in metadata.items() if k != "widgets"}
        super().render_nb_finalise(metadata)
