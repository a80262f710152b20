"""Every example in the package's docstrings runs and shows what the code really does.

A docstring example is documentation a reader copies: if the code changes and the example no
longer holds, this test fails (issue 17: a false example in multipolar.checks went unnoticed).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import multipolar

# `python -m` entry points run their command line when imported: they hold no examples.
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(multipolar.__path__, "multipolar.")
    if not m.name.endswith(".__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
        report=False,
    )
    assert result.failed == 0, (
        f"{result.failed} docstring example(s) in {name} do not hold; run "
        f"`python -m doctest -v {name.replace('.', '/')}.py` to see them"
    )


def test_the_examples_are_found():
    """The test above can fail: the modules with examples are collected and their examples run."""
    finder = doctest.DocTestFinder()
    counts = {}
    for name in ("multipolar.checks", "multipolar.data", "multipolar.feedback"):
        module = importlib.import_module(name)
        counts[name] = sum(len(t.examples) for t in finder.find(module))
    assert (
        counts["multipolar.checks"] >= 3
        and counts["multipolar.data"] >= 2
        and counts["multipolar.feedback"] >= 2
    )
    assert {"multipolar.checks", "multipolar.data", "multipolar.feedback"} <= set(MODULES)


def test_a_false_example_is_caught():
    def wrong():
        """
        >>> 1 + 1
        3
        """

    test = doctest.DocTestFinder().find(wrong, "wrong", globs={})[0]
    runner = doctest.DocTestRunner(verbose=False)
    runner.run(test, out=lambda text: None)
    assert runner.summarize(verbose=False).failed == 1
