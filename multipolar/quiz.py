"""Self-check quizzes that work in Jupyter and in the static book (no kernel needed).

A thin layer over jupyterquiz: question builders that keep the JSON shape in one place,
and :func:`show_quiz` with a high-contrast, colour-blind-safe palette.  Numeric answers
can be computed from the course data in the notebook, so a quiz never hard-codes a
number the data could contradict.
"""

from __future__ import annotations

from IPython.display import HTML, Javascript, display
from jupyterquiz import display_quiz

__all__ = ["choice", "numeric", "show_quiz"]

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


def numeric(question: str, value: float, tolerance: float, feedback: str,
            wrong_feedback: str = "Not quite: check the years and the series you used.",
            ranges: list[tuple[float, float, str]] | None = None) -> dict:
    """A numeric question correct within ``value ± tolerance``; ``ranges`` add targeted hints."""
    answers = [{"type": "range", "range": [value - tolerance, value + tolerance], "correct": True,
                "feedback": feedback}]
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


def show_quiz(questions: list[dict]) -> None:
    """Display the questions as an interactive quiz (answers are checked in the browser)."""
    display(HTML(ANSWERED_CSS))
    display_quiz(questions, shuffle_answers=False, colors=COLOURS, max_width=760)
    display(Javascript(ACCESSIBILITY_JS))
