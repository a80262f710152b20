"""Self-check quizzes that work in Jupyter and in the static book (no kernel needed).

A thin layer over jupyterquiz: question builders that keep the JSON shape in one place,
and :func:`show_quiz` with a high-contrast, colour-blind-safe palette.  Numeric answers
can be computed from the course data in the notebook, so a quiz never hard-codes a
number the data could contradict.
"""

from __future__ import annotations

import html

from IPython.display import HTML, Javascript, display
from jupyterquiz import display_quiz

__all__ = ["choice", "numeric", "show_quiz", "print_version"]

#: Dark backgrounds with white text (contrast >= 7:1); right/wrong also differ in wording.
COLOURS = {
    "--jq-multiple-choice-bg": "#12355b",
    "--jq-many-choice-bg": "#3d1f4f",
    "--jq-numeric-bg": "#12355b",
    "--jq-numeric-input-bg": "#f2f2f2",
    "--jq-numeric-input-label": "#101010",
    "--jq-mc-button-bg": "#fafafa",
    "--jq-text-color": "#ffffff",
    "--jq-correct-color": "#8fd9b6",
    "--jq-incorrect-color": "#ffc27a",
    "--jq-link-color": "#b7d3ff",
}


def choice(question: str, answers: dict[str, tuple[bool, str]]) -> dict:
    """A multiple-choice question: {answer text: (is_correct, feedback)}.

    More than one correct answer makes it a 'select all that apply' question.
    """
    if not any(ok for ok, _ in answers.values()):
        raise ValueError(f"question {question[:40]!r} has no correct answer")
    many = sum(ok for ok, _ in answers.values()) > 1
    return {
        "question": question,
        "type": "many_choice" if many else "multiple_choice",
        "answers": [{"answer": a, "correct": ok, "feedback": f} for a, (ok, f) in answers.items()],
    }


def numeric(
    question: str,
    value: float,
    tolerance: float,
    feedback: str,
    wrong_feedback: str = "Not quite: check the years and the series you used.",
    ranges: list[tuple[float, float, str]] | None = None,
) -> dict:
    """A numeric question correct within ``value ± tolerance``; ``ranges`` add targeted hints."""
    answers = [
        {
            "type": "range",
            "range": [value - tolerance, value + tolerance],
            "correct": True,
            "feedback": feedback,
        }
    ]
    for lo, hi, hint in ranges or []:
        answers.append({"type": "range", "range": [lo, hi], "correct": False, "feedback": hint})
    answers.append({"type": "default", "feedback": wrong_feedback})
    return {"question": question, "type": "numeric", "precision": 4, "answers": answers}


#: Run after each quiz is drawn: ties each numeric answer box to its visible label (jupyterquiz
#: draws an unattached <label>, so screen readers announced an unnamed text field: axe rule
#: "label", critical) and makes feedback a polite live region, so it is read out when it appears.
ACCESSIBILITY_JS = """
(function () {
  var tries = 0;
  function fix() {
    var quizzes = document.querySelectorAll('.Quiz');
    quizzes.forEach(function (quiz) {
      quiz.querySelectorAll('input.Input-text').forEach(function (input) {
        var label = input.parentElement && input.parentElement.querySelector('label.InpLabel');
        if (label && input.id) { label.htmlFor = input.id; }
        if (!input.getAttribute('aria-label')) {
          input.setAttribute('aria-label', label ? label.textContent.replace(/:\\s*$/, '') : 'Your answer');
        }
      });
      quiz.querySelectorAll('.Feedback').forEach(function (fb) { fb.setAttribute('aria-live', 'polite'); });
    });
    if ((!quizzes.length || document.querySelector('.Quiz input.Input-text:not([aria-label])')) && tries++ < 25) {
      setTimeout(fix, 200);
    }
  }
  fix();
})();
"""


#: jupyterquiz paints an answered button in the right/wrong colour but keeps the white text of the
#: question boxes, and writes the feedback in that colour on the page background: light on light,
#: which failed axe's colour-contrast rule (serious) once a reader had answered. Answered buttons
#: get dark text; feedback takes the page's own text colour (so it also works in dark mode), with
#: a tick or cross and a coloured edge as cues besides its wording.
ANSWERED_CSS = """<style>
.Quiz .correctButton, .Quiz .incorrectButton, .Quiz .correctButton span, .Quiz .incorrectButton span,
.Quiz .Input-text.correctButton, .Quiz .Input-text.incorrectButton { color: #101010 !important; }
.Quiz .Feedback.correct, .Quiz .Feedback.incorrect { color: inherit !important; font-weight: 600;
  border-left: 6px solid; padding-left: 0.5em; text-align: left; }
.Quiz .Feedback.correct { border-color: #009E73; }
.Quiz .Feedback.incorrect { border-color: #D55E00; }
.Quiz .Feedback.correct::before { content: "\\2713  "; }
.Quiz .Feedback.incorrect::before { content: "\\2717  "; }
</style>"""


def _correct_answers(q: dict) -> list[str]:
    if q["type"] == "numeric":
        lo, hi = next(a["range"] for a in q["answers"] if a.get("correct"))
        return [f"{(lo + hi) / 2:g} (accepted from {lo:g} to {hi:g})"]
    return [a["answer"] for a in q["answers"] if a.get("correct")]


def print_version(questions: list[dict]) -> str:
    """The quiz for paper: the questions as a list, and the answer key apart.

    Both are hidden wherever the page is read on a screen (inline ``display: none``, so also in
    Jupyter); the PDF edition (scripts/build_pdf.py) shows the questions in place of the
    clickable quiz and gathers the answer keys into an appendix.
    """
    esc = html.escape
    items, keys = [], []
    for q in questions:
        if q["type"] == "numeric":
            body = "<p class='quiz-print-blank'>Your answer: ____________</p>"
        else:
            hint = " (select all that apply)" if q["type"] == "many_choice" else ""
            body = (
                (f"<p>{hint.strip(' ()').capitalize()}</p>" if hint else "")
                + "<ol type='A'>"
                + "".join(f"<li>{esc(a['answer'])}</li>" for a in q["answers"])
                + "</ol>"
            )
        items.append(f"<li><p>{esc(q['question'])}</p>{body}</li>")
        right = "; ".join(esc(a) for a in _correct_answers(q))
        feedback = next((a.get("feedback", "") for a in q["answers"] if a.get("correct")), "")
        keys.append(f"<li><strong>{right.rstrip('.')}</strong>. {esc(feedback)}</li>")
    return (
        "<div class='quiz-print' style='display:none'><p><strong>Check yourself</strong> "
        "(answers in the appendix)</p><ol>" + "".join(items) + "</ol></div>"
        "<div class='quiz-key' style='display:none'><ol>" + "".join(keys) + "</ol></div>"
    )


def show_quiz(questions: list[dict]) -> None:
    """Display the questions as an interactive quiz (answers are checked in the browser).

    A paper version for the PDF edition comes with it, hidden on screen (:func:`print_version`).
    """
    display(HTML(ANSWERED_CSS))
    display_quiz(questions, shuffle_answers=False, colors=COLOURS, max_width=760)
    display(Javascript(ACCESSIBILITY_JS))
    display(HTML(print_version(questions)))
