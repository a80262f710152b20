"""Build-time pieces of the static book (used only by the Jupyter Book build).

* :class:`StaticBookRenderer`, a myst-nb renderer: the default one minus the embedded
  ipywidgets state of the page. The static book shows each interactive chart's default
  figure as a plain image (see :mod:`multipolar.widgets`), and no widget manager loads
  there, so the state would only add weight to the page. Selected in ``_config.yml`` with
  ``nb_render_plugin: multipolar``.
* :func:`setup`, a small Sphinx extension (``sphinx.extra_extensions`` in ``_config.yml``)
  that fixes two things in every page, found by the browser tests (tests/test_browser.py):

  - scripts registered twice (sphinx-thebe's inline ``const THEBE_JS_URL`` is added once per
    read, and a second copy is a JavaScript error on every page) are kept once;
  - bibliography entries get ``role="listitem"`` inside their ``role="list"`` container,
    instead of the deprecated ``doc-biblioentry`` that leaves the list without items for
    screen readers (axe: aria-required-children, critical);
  - the toggles of hidden code cells lose an ``aria-label`` that differs from their visible
    text (axe: label-content-name-mismatch, serious).
"""

from myst_nb.core.render import NbElementRenderer

__all__ = ["StaticBookRenderer", "setup"]


class StaticBookRenderer(NbElementRenderer):
    """Default myst-nb rendering, without the embedded widget state."""

    def render_nb_finalise(self, metadata: dict) -> None:
        metadata = {k: v for k, v in metadata.items() if k != "widgets"}
        super().render_nb_finalise(metadata)


def _script_key(script) -> tuple:
    # An inline script is registered once with filename None and once with "": the same script.
    filename = getattr(script, "filename", script) or ""
    return (
        str(filename),
        tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items())),
    )


#: myst-nb labels the toggle of a hidden code cell "Toggle hidden content", which is not the text
#: the reader sees ("Show code cell source"): axe label-content-name-mismatch (serious). Without
#: the label, the toggle's accessible name is its visible text.
_TOGGLE_LABEL = '<summary aria-label="Toggle hidden content">'


def _fix_page(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for script in scripts:
            key = _script_key(script)
            if key not in seen:
                seen.add(key)
                unique.append(script)
        scripts[:] = unique
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        body = context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
    if body and _TOGGLE_LABEL in body:
        context["body"] = body.replace(_TOGGLE_LABEL, "<summary>")


def setup(app):
    # Early (priority 100): Sphinx stops calling handlers of this event at the first that returns a value.
    app.connect("html-page-context", _fix_page, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
