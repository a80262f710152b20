"""Grade submitted exercise notebooks: ``python -m multipolar.grade DIR --assignment chNN --out F``.

How a submission is graded
--------------------------
The student's code and the tests never share a process, and neither sees the instructor's
machine.  For each submission:

1. **Read, not run** (:mod:`~multipolar.grade.cli`): an empty file, a file that is not a
   notebook, or the notebook of another assignment gets a row with the reason and is not run.
   Its code is read (:mod:`~multipolar.grade.audit`) for patterns an instructor may want to
   look at (review flags; they cost nothing) and for answers typed in by hand.
2. **Phase 1** (:mod:`~multipolar.grade.phase1`) runs the notebook's cells in one IPython
   shell, in the sandbox (:mod:`~multipolar.grade.sandbox`): no tests, no solutions, no
   network, no other files; a time limit per cell (the cell is stopped, the next one runs) and
   per notebook.  It writes the answers the tests read as data (:mod:`~multipolar.grade.answers`:
   JSON, typed tables, the data behind a chart, the results of the tests' calls to a function).
3. **Phase 2** (:mod:`~multipolar.grade.phase2`) is a fresh process, also sandboxed, with no
   student code in it: it rebuilds the answers and runs otter's tests (built by ``otter assign``
   from ``solutions/chNN.ipynb``) on them, and returns the scores on its own stdout.
4. The gradebook row: points per question, reasons for lost points, notes on cells that
   failed or were stopped, review flags.  An answer the question asks to compute but that is
   typed in (``q1 = 50.04``) earns no points for its question: "typed-in value; review by hand".

Which calls the tests make to a student's function is learnt once per run from the solution
(:mod:`~multipolar.grade.calibrate`).  The trust model, for instructors, is in
``book/instructors.md``.
"""

from multipolar.grade.assignment import GradingError, Question, build_autograder, master_questions
from multipolar.grade.audit import audit, typed_in
from multipolar.grade.cli import (
    Result,
    check_notebook,
    clean,
    failure_message,
    grade,
    gradebook_rows,
    main,
    parse_results,
    write_csv,
)
from multipolar.grade.sandbox import sandbox_available

__all__ = [
    "GradingError",
    "Question",
    "Result",
    "audit",
    "build_autograder",
    "check_notebook",
    "clean",
    "failure_message",
    "grade",
    "gradebook_rows",
    "main",
    "master_questions",
    "parse_results",
    "sandbox_available",
    "typed_in",
    "write_csv",
]
