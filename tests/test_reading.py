"""Lighter pages (issue 14, item 8): every page of the book at most 3,500 visible words, and the
core narrative of every chapter ("The argument" and "Other views") at Flesch-Kincaid grade 12 or
below. The measures are multipolar/site/readability.py's; benchmarks/bench_reading.py prints them.

The grade and the words of the notebooks' own text need no execution. The visible words of a
notebook page include its outputs (tables, generated sentences), so that test reads the executed
notebooks of the book build (the session fixture in conftest.py, shared with the other tests that
need the build).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

from multipolar.site import readability as rd

PAGES = rd.toc_pages(ROOT)
CHAPTERS = [p for p in PAGES if rd.is_chapter(p)]


def ids(paths):
    return [p.stem for p in paths]


def md(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(text: str, tags=(), outputs=()) -> dict:
    return {
        "cell_type": "code",
        "metadata": {"tags": list(tags)},
        "source": text,
        "outputs": list(outputs),
        "execution_count": None,
    }


def html_out(markup: str) -> dict:
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"text/html": markup, "text/plain": "x"},
    }


# ------------------------------------------------------------------ the measures themselves
@pytest.mark.parametrize(
    "word, n",
    [
        ("table", 2),
        ("made", 1),
        ("walked", 1),
        ("countries", 2),
        ("the", 1),
        ("Russia", 2),
        ("people", 2),
        ("1996", 2),
    ],
)
def test_syllable_heuristic_on_known_words(word, n):
    assert rd.syllables(word) == n


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "He wrote e.g. this. Then St. Petersburg was 5.6 times larger. The U.S. agreed."
    assert len(rd.sentences(text)) == 3


def test_grade_rises_with_long_sentences_and_long_words():
    short = ["The cat sat. The dog ran. We saw it."]
    long = [
        "Notwithstanding considerable institutional heterogeneity, the organisation's "
        "multilateral cooperation mechanisms demonstrated remarkable resilience throughout "
        "the subsequent international negotiations concerning regional security arrangements."
    ]
    assert rd.fk_grade(short) < 3 < 12 < rd.fk_grade(long)


def test_collapsed_boxes_hidden_code_and_hidden_outputs_are_not_visible():
    nb = {
        "cells": [
            md(
                "## The argument\n\nOne two three four.\n\n```{dropdown} Method: five six\nseven eight nine ten\n```\n\n"
                "```{admonition} Title here\n:class: dropdown\neleven twelve\n```\n\n"
                "```{note}\nthirteen fourteen\n```"
            ),
            code("x = 1", tags=["hide-input"], outputs=[html_out("<p>fifteen sixteen</p>")]),
            code("y = 2", tags=["hide-cell"], outputs=[html_out("<p>never seen</p>")]),
            code(
                "z = 3",
                outputs=[
                    html_out(
                        "<p>shown</p><details><summary>open me</summary><p>inside hidden</p>"
                        "</details><script>var hidden = 1;</script>"
                        "<div style='display: none'>not shown</div>"
                    )
                ],
            ),
        ]
    }
    m = rd.measure_notebook(nb)
    # heading (2) + prose (4) + box titles (3 + 2) + note (2) + output (2) + code "z = 3" (1... "z" and "3")
    # + output of the last cell ("shown", "open me")
    assert m.parts["markdown"] == 2 + 4 + 3 + 2 + 2
    assert m.parts["code"] == 2
    assert m.parts["output"] == 2 + 3
    assert m.core_words == 4 + 2


def test_a_quiz_counts_its_questions_but_not_its_answer_key():
    from multipolar import quiz

    questions = [
        quiz.choice("Which one is right?", {"this one": (True, "yes"), "that one": (False, "no")})
    ]
    nb = {
        "cells": [
            code(
                "quiz.show_quiz(q)",
                tags=["remove-input"],
                outputs=[html_out(quiz.print_version(questions))],
            )
        ]
    }
    out = rd.measure_notebook(nb).parts["output"]
    seen = rd.html_text(quiz.print_version(questions))
    assert "Which one is right?" in seen and "this one" in seen and "yes" not in seen.split()
    assert out == len(rd.words(seen))


def test_bad_input_gets_a_clear_message(tmp_path):
    with pytest.raises(FileNotFoundError, match="no page at"):
        rd.measure_page(tmp_path / "missing.ipynb")
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not a notebook"):
        rd.measure_page(bad)
    other = tmp_path / "page.txt"
    other.write_text("words", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a .ipynb or .md page"):
        rd.measure_page(other)


# ------------------------------------------------------------------ the targets, on the book
@pytest.mark.parametrize("path", CHAPTERS, ids=ids(CHAPTERS))
def test_core_narrative_reads_at_grade_12_or_below(path):
    m = rd.measure_page(path)
    assert m.core_words >= 300, (
        f"{path.name}: only {m.core_words} words under 'The argument' and 'Other views'"
    )
    assert m.core_grade <= rd.MAX_GRADE, (
        f"{path.name}: the core narrative reads at Flesch-Kincaid grade {m.core_grade:.1f} (target "
        f"<= {rd.MAX_GRADE:g}); split the longest sentences (benchmarks/bench_reading.py prints the grades)"
    )


def test_the_grade_check_can_fail():
    """A chapter with a long-winded paragraph added to its argument fails the grade target."""
    nb = json.loads(CHAPTERS[0].read_text(encoding="utf-8"))
    heavy = copy.deepcopy(nb)
    at = next(
        i
        for i, c in enumerate(heavy["cells"])
        if "".join(c["source"]).startswith("## The argument")
    )
    sentence = (
        "The institutional configuration of contemporary multilateral organisations, notwithstanding "
        "their considerable heterogeneity, demonstrates that international cooperation mechanisms "
        "characteristically necessitate comprehensive intergovernmental negotiation and "
        "considerable administrative capability, particularly regarding regional security. "
    )
    heavy["cells"].insert(at + 1, md(sentence * 40))
    assert (
        rd.measure_notebook(nb).core_grade <= rd.MAX_GRADE < rd.measure_notebook(heavy).core_grade
    )


@pytest.mark.parametrize("path", PAGES, ids=ids(PAGES))
def test_the_notebooks_own_text_is_under_the_word_limit(path):
    """Quick check, no execution: prose and visible code alone (outputs come on top, see below)."""
    m = rd.measure_page(path)
    assert m.visible_words <= rd.MAX_WORDS, (
        f"{path.name}: {m.visible_words} visible words before any output"
    )


#: Code that only formats a table or builds a sentence is hidden in the book (hide-input).
SENTENCE_OR_FORMAT = re.compile(r"Markdown\(\s*(f\"|\"|f')|\.style\b|\.set_caption\(")


@pytest.mark.parametrize(
    "path",
    [p for p in PAGES if p.suffix == ".ipynb"],
    ids=ids([p for p in PAGES if p.suffix == ".ipynb"]),
)
def test_code_that_only_formats_or_builds_sentences_is_hidden(path):
    nb = nbformat.read(path, as_version=4)
    shown = [
        c.source.splitlines()[0]
        for c in nb.cells
        if c.cell_type == "code"
        and not {"hide-input", "remove-input", "hide-cell", "remove-cell"}
        & set(c.metadata.get("tags", []))
        and SENTENCE_OR_FORMAT.search(c.source)
        and "widgets.explore(" not in c.source
    ]
    assert not shown, (
        f"{path.name}: code that formats a table or builds a sentence is shown: {shown}"
    )


def test_every_chapter_has_a_method_box():
    for path in CHAPTERS:
        text = "\n".join(
            "".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
        )
        assert re.search(r"^(`{3,}|:{3,})\{dropdown\} Method: ", text, re.M), (
            f"{path.name}: no 'Method:' box"
        )


def executed_dir(built_book: Path) -> Path:
    return built_book.parent / "jupyter_execute" / "book"


def test_every_page_shows_at_most_3500_words(built_book):
    folder = executed_dir(built_book)
    over, report = {}, []
    for path in PAGES:
        if path.suffix == ".ipynb":
            done = folder / path.name
            assert done.is_file(), (
                f"the book build left no executed copy of {path.name} in {folder}"
            )
            m = rd.measure_page(done, path.stem)
            assert m.executed, f"{path.name}: the executed copy has no outputs"
        else:
            m = rd.measure_page(path)
        report.append(f"{path.stem}: {m.visible_words}")
        if m.visible_words > rd.MAX_WORDS:
            over[path.stem] = m.visible_words
    assert not over, (
        f"pages over {rd.MAX_WORDS} visible words: {over}. Move data housekeeping into a "
        "'Method' dropdown, hide code that only formats (hide-input), or make long tables "
        "collapsible (hide-cell with a mystnb code_prompt_show). All: " + ", ".join(report)
    )


def test_the_word_check_can_fail(built_book):
    """The same measure, on an executed chapter with its Method boxes opened up, goes over the limit."""
    nb = json.loads((executed_dir(built_book) / CHAPTERS[0].name).read_text(encoding="utf-8"))
    m = rd.measure_notebook(nb)
    padded = copy.deepcopy(nb)
    padded["cells"].append(md("word " * (rd.MAX_WORDS - m.visible_words + 1)))
    assert m.visible_words <= rd.MAX_WORDS < rd.measure_notebook(padded).visible_words
