"""A classification exercise: read a statement, pick a category, get feedback (chapter 3).

The statements live in a data file (``data/self_other_statements.csv``: statement, answer,
explanation). :func:`classifier` shows them as dropdowns with feedback in a live notebook;
:func:`as_quiz` turns the same statements into jupyterquiz questions, which also work in the
static book. :func:`check` is the one place where an answer is marked.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from . import quiz

__all__ = ["SELF_OTHER_TYPES", "check", "as_quiz", "classifier", "Classifier"]

#: The Self/Other typology Sahara takes from Aris & Snetkov (2013): answer key -> label.
SELF_OTHER_TYPES = {
    "antagonistic": "Antagonistic Other (an opponent)",
    "different": "Different but not antagonistic Other",
    "in-group": "In-group Other (shared identity)",
}

STATIC_NOTE = (
    '<p class="multipolar-static-note"><em>Interactive in Jupyter: launch this page to classify the '
    "statements with dropdowns. In the book, use the quiz version just below.</em></p>"
)


def check(
    row, choice: str | None, types: dict[str, str] = SELF_OTHER_TYPES
) -> tuple[bool | None, str]:
    """Mark one choice for one statement row: (correct?, feedback). None = nothing chosen yet."""
    if choice is None or choice == "":
        return None, "Choose a type."
    if choice not in types:
        raise ValueError(f"unknown type {choice!r}; choose one of {list(types)}")
    right = choice == row["answer"]
    lead = (
        "Yes."
        if right
        else f"Not the reading the chapter gives: it reads this as '{types[row['answer']]}'."
    )
    return right, f"{lead} {row['explanation']}"


def as_quiz(statements: pd.DataFrame, types: dict[str, str] = SELF_OTHER_TYPES) -> list[dict]:
    """One multiple-choice question per statement, the feedback from :func:`check`."""
    questions = []
    for _, row in statements.iterrows():
        answers = {label: check(row, key, types) for key, label in types.items()}
        questions.append(
            quiz.choice(f"Which kind of Other? {row['statement']} ({row['speaker']})", answers)
        )
    return questions


class Classifier:
    """Dropdowns with feedback, one per statement; see :func:`classifier`."""

    def __init__(self, statements: pd.DataFrame, types: dict[str, str] = SELF_OTHER_TYPES):
        self.statements = statements.reset_index(drop=True)
        self.types = types
        self.rows = []
        items = []
        options = [("— choose —", "")] + [(label, key) for key, label in types.items()]
        for _, row in self.statements.iterrows():
            text = w.HTML(
                f"<b>{html.escape(row['statement'])}</b> <i>({html.escape(row['speaker'])})</i>"
            )
            pick = w.Dropdown(options=options, value="", layout=w.Layout(width="360px"))
            feedback = w.HTML()
            pick.observe(
                lambda change, row=row, out=feedback: self._mark(row, change["new"], out),
                names="value",
            )
            self.rows.append((pick, feedback))
            self._mark(row, "", feedback)
            items.append(w.VBox([text, pick, feedback]))
        self.score = w.HTML()
        self.box = w.VBox(items + [self.score])
        self._update_score()

    def _mark(self, row, choice: str, out: w.HTML) -> None:
        ok, text = check(row, choice, self.types)
        mark = "" if ok is None else ("✔ " if ok else "✘ ")
        out.value = f"<span>{mark}{html.escape(text)}</span>"
        if hasattr(self, "score"):
            self._update_score()

    def correct(self) -> int:
        """How many statements are classified as the chapter reads them."""
        return sum(
            p.value == r["answer"] for (p, _), (_, r) in zip(self.rows, self.statements.iterrows())
        )

    def _update_score(self) -> None:
        self.score.value = f"<p><b>{self.correct()} of {len(self.rows)}</b> classified as the chapter reads them.</p>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.box._repr_mimebundle_() or {}
        bundle["text/html"] = STATIC_NOTE
        bundle["text/plain"] = (
            f"Classification exercise with {len(self.rows)} statements (interactive in Jupyter)."
        )
        return bundle


def classifier(statements: pd.DataFrame, types: dict[str, str] = SELF_OTHER_TYPES) -> Classifier:
    """The statements with a dropdown of ``types`` each and instant feedback (live notebooks)."""
    return Classifier(statements, types)
