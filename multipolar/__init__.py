"""The course package: data, tables, charts and exercises for the course on Sahara (2015).

Module map (each module's own docstring says more):

The core, used by every chapter
    ``catalog``     the one description of every file in ``data/`` and ``curated/``: fields,
                    types, allowed values (``catalog.enum``), sources and licences
    ``data``        typed, validated loaders for ``data/``
    ``tables``      pure functions that compute the course's tables from ``data``
    ``trends``      trend fits and projections of a share of world GDP
    ``events``      dated events on a time axis (bases, sequences)
    ``charts``      chart functions (a DataFrame in, a Figure with alt text out) and the palette
    ``maps``        maps drawn from the Natural Earth borders
    ``timeline``    one timeline of every dated event the course uses
    ``widgets``     ipywidgets controls wired to a chart function
    ``quiz``        self-check quizzes (Jupyter and the static book)
    ``classify``    a classification exercise with feedback
    ``claims``      the claims ledger's specification; ``ledger`` checks the claims
    ``registry``    the one pattern for computations looked up by key
    ``checks``      friendly answer checks for the graded exercises; ``feedback`` installs them

One module per chapter (``multipolar.chapters``)
    ``ch03_membership``  who belongs to which mechanism, and how much they overlap
    ``ch04_sco``         the SCO's groupings and their weight in the world
    ``ch05_bargaining``  a deliberately simple bargaining model (a teaching model, not evidence)
    ``ch06_rapprochement``  the arithmetic of the gas deal and the GDP gap
    ``ch07_argmap``      the argument map of the whole paper, and its metrics

Grading (``multipolar.grade``): ``python -m multipolar.grade`` grades a folder of notebooks in
two sandboxed phases (``cli``, ``sandbox``, ``phase1``, ``phase2``, ``answers``, ``axes``,
``audit``, ``assignment``, ``calibrate``); ``python -m multipolar.grade.lms`` (``lms``) turns the
gradebook into a Canvas or Moodle import file.

The site (``multipolar.site``): ``book`` (the Sphinx extension of the Jupyter Book build),
``launch`` (Binder, Colab and JupyterHub links), ``readability`` (page weight and reading grade).

Imports run one way: the core never imports a chapter, the grader or the site.
"""
