"""Launch paths: Binder (repo2docker, offline), JupyterHub (nbgitpuller links), Colab (set-up cell).

All of them are derived from _config.yml by multipolar.site.launch; the browser tests check that the
built pages carry exactly the links built here.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT

from multipolar.site import launch as launch

CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
#: The student environment, which Binder installs (repo2docker reads binder/ first): this file,
#: then binder/postBuild adds NO_DEPS (and the course package), both without their dependencies.
STUDENT_REQUIREMENTS = ROOT / "binder" / "requirements.txt"
NO_DEPS = ROOT / "binder" / "requirements-nodeps.txt"
#: Tools for building the book and testing: none may reach the student environment.
TEST_TOOLING = {
    "pytest",
    "pytest-xdist",
    "nbval",
    "playwright",
    "jupyter-book",
    "sphinx",
    "jupyter-repo2docker",
    "pypdf",
    "frictionless",
    "ruff",
    "mutmut",
}
#: Declared dependencies of the NO_DEPS packages that grader.check does not use, and why.
NOT_NEEDED = {
    "sphinx": "fica's Sphinx directive",
    "docutils": "fica's Sphinx directive",
    "python-on-whales": "otter grade's Docker driver (instructors)",
}


def code_of(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join(
        "".join(c["source"])
        for c in cells
        if c["cell_type"] == "code" and "colab-setup" not in c.get("metadata", {}).get("tags", [])
    )


def top_level_imports(source: str) -> set[str]:
    lines = "\n".join(
        line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
    )
    names = set()
    for node in ast.walk(ast.parse(lines)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def third_party_imports() -> set[str]:
    """Top-level modules the chapter and exercise notebooks import, directly or through the package."""
    names = set()
    for nb in CHAPTERS + EXERCISES:
        names |= top_level_imports(code_of(nb))
    for module in (ROOT / "multipolar").glob("*.py"):
        if module.stem not in ("grade", "launch", "book", "lms"):  # instructor / build tools
            names |= top_level_imports(module.read_text(encoding="utf-8"))
    return {
        n
        for n in names
        if n not in sys.stdlib_module_names and n not in ("multipolar", "__future__")
    }


def requirement_names(lines: list[str]) -> set[str]:
    return {
        re.split(r"[=<>!~\[; ]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")
        for line in lines
        if line.strip() and not line.lstrip().startswith(("#", "-"))
    }


def with_dependencies(names: set[str]) -> set[str]:
    """``names`` and everything they require, as installed here."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [r for r in requirement_names([q for q in requires if "extra ==" not in q])]
    return seen


def providers(module: str) -> set[str]:
    return {
        d.lower().replace("_", "-") for d in metadata.packages_distributions().get(module, [module])
    }


# --- Binder ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dockerfile() -> str:
    exe = Path(sys.executable).with_name("repo2docker")
    run = subprocess.run(
        [str(exe), "--no-build", "--no-run", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-3000:]
    return out


def test_binder_uses_the_pinned_python(dockerfile):
    python = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert python == (ROOT / "runtime.txt").read_text(encoding="utf-8").strip(), (
        "binder/runtime.txt and runtime.txt name different Pythons"
    )
    version = re.fullmatch(r"python-(\d+\.\d+)", python)
    assert version, f"runtime.txt should read like python-3.11, not {python!r}"
    assert f"python={version.group(1)}" in dockerfile, (
        f"repo2docker did not pick Python {version.group(1)} from runtime.txt"
    )


def test_binder_installs_requirements_into_the_kernel_environment(dockerfile):
    steps = [line for line in dockerfile.splitlines() if line.startswith(("RUN", "COPY"))]
    pip = [
        i
        for i, s in enumerate(steps)
        if re.search(r"KERNEL_PYTHON_PREFIX\}/bin/pip install .*-r \"?binder/requirements\.txt", s)
    ]
    assert pip, (
        "repo2docker's Dockerfile does not pip-install binder/requirements.txt into the notebook environment"
    )
    others = [s for s in steps if re.search(r"pip install .*-r \"?requirements\.txt", s)]
    assert not others, "Binder also installs the top-level requirements.txt (the test tooling)"
    # postBuild adds otter-grader and the course package once the whole repository is in the image
    copy_all = [i for i, s in enumerate(steps) if re.match(r"COPY --chown=\S+ src/ ", s)]
    post = [i for i, s in enumerate(steps) if re.fullmatch(r"RUN \./binder/postBuild", s.strip())]
    assert copy_all and post and pip[0] < copy_all[0] < post[0], (
        "binder/postBuild does not run after the copy"
    )


def student_environment() -> tuple[set[str], set[str]]:
    """(distributions the student environment installs, of which installed without dependencies)."""
    req = requirement_names(STUDENT_REQUIREMENTS.read_text(encoding="utf-8").splitlines())
    no_deps = requirement_names(NO_DEPS.read_text(encoding="utf-8").splitlines()) | {"multipolar"}
    return with_dependencies(req) | no_deps, no_deps


def test_postbuild_installs_otter_and_the_package_without_their_dependencies():
    post = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    lines = [line for line in post.replace("\\\n", " ").splitlines() if "pip install" in line]
    assert any(
        "-r binder/requirements-nodeps.txt" in line and "--no-deps" in line for line in lines
    ), post
    assert any(line.rstrip().endswith("-e .") and "--no-deps" in line for line in lines), post
    assert os.access(ROOT / "binder" / "postBuild", os.X_OK), "binder/postBuild is not executable"
    installed, no_deps = student_environment()
    # what they would have brought in, apart from NOT_NEEDED, is there anyway
    declared = set()
    for name in no_deps - {"multipolar"}:
        declared |= requirement_names(
            [q for q in metadata.requires(name) or [] if "extra ==" not in q]
        )
    declared |= requirement_names(_pyproject_dependencies())
    missing = declared - installed - set(NOT_NEEDED)
    assert not missing, (
        f"binder/requirements.txt should pin {sorted(missing)} (needed by {sorted(no_deps)})"
    )


def test_binder_environment_covers_what_the_notebooks_import():
    for path in (ROOT / "requirements.txt", STUDENT_REQUIREMENTS, NO_DEPS):
        req = path.read_text(encoding="utf-8").splitlines()
        unpinned = [
            line
            for line in req
            if line.strip() and not line.startswith(("#", "-")) and "==" not in line
        ]
        assert not unpinned, f"{path.name}: pin every package with ==: {unpinned}"
    available, _ = student_environment()
    missing = {m for m in third_party_imports() if not providers(m) & available}
    assert not missing, (
        f"the notebooks import {sorted(missing)}, which binder/requirements.txt does not install"
    )
    assert "jupyterlab" in available, (
        "the student environment has no JupyterLab for the README's `jupyter lab`"
    )


def test_binder_environment_holds_no_test_tooling():
    installed, _ = student_environment()
    assert not installed & TEST_TOOLING, (
        f"the student environment installs {sorted(installed & TEST_TOOLING)}"
    )
    top = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for line in ("-r binder/requirements.txt", "-r binder/requirements-nodeps.txt", "-e ."):
        assert line in top.splitlines(), (
            f"requirements.txt should build on the student environment: {line}"
        )


# --- Colab -------------------------------------------------------------------------------------


def _pyproject_dependencies() -> list[str]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]


def test_colab_installs_what_the_notebooks_import():
    """On Colab the set-up cell installs the course package, so its dependencies must cover the notebooks."""
    available = with_dependencies(requirement_names(_pyproject_dependencies()))
    missing = {m for m in third_party_imports() if not providers(m) & available}
    assert not missing, (
        f"pyproject.toml's dependencies do not cover {sorted(missing)}, which the notebooks import"
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_colab_cell_is_generated_from_the_config(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    setup = [
        i for i, c in enumerate(code) if launch.COLAB_TAG in c.get("metadata", {}).get("tags", [])
    ]
    assert setup == [0], (
        f"{path.name}: the first code cell, and only it, should be the Colab set-up cell (tag colab-setup)"
    )
    assert "remove-cell" in code[0]["metadata"]["tags"], (
        f"{path.name}: the set-up cell should be hidden in the book (remove-cell)"
    )
    assert "".join(code[0]["source"]) == launch.colab_setup_source(), (
        f"{path.name}: the Colab set-up cell is not the one _config.yml gives; run "
        "`python -m multipolar.site.launch --write-colab-cells`"
    )


def _run_cell(
    workdir: Path, env: dict, colab: bool, after: str = ""
) -> subprocess.CompletedProcess:
    program = textwrap.dedent(f"""
        import os, sys, types
        if {colab!r}:
            sys.modules["google.colab"] = types.ModuleType("google.colab")   # what Colab's runtime has
        before = (os.getcwd(), list(sys.path))
        exec(compile({launch.colab_setup_source()!r}, "colab-setup", "exec"))
        """) + textwrap.dedent(after)
    return subprocess.run(
        [sys.executable, "-c", program],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MULTIPOLAR_", "PYTHON"))}
    env.update(extra)
    return env


def test_colab_cell_does_nothing_elsewhere(tmp_path):
    course = tmp_path / "course"
    run = _run_cell(
        tmp_path,
        _clean_env(
            MULTIPOLAR_REPO=str(tmp_path / "no-such-repo"), MULTIPOLAR_COURSE_DIR=str(course)
        ),
        colab=False,
        after="assert (os.getcwd(), sys.path) == before, 'the cell changed the folder or sys.path'",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert not course.exists(), "outside Colab the set-up cell cloned the course"


def test_colab_cell_fetches_the_course_outside_the_repository(tmp_path):
    """Simulated Colab: a fresh folder outside the repository, `google.colab` importable, and a local
    clone of this repository standing in for the GitHub URL. After the cell, the course package
    imports from the clone and reads its data."""
    s = launch.settings()
    source = tmp_path / "origin"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(source)], check=True)
    subprocess.run(
        ["git", "-C", str(source), "checkout", "-q", "-B", s.branch], check=True
    )  # the configured branch
    work, course = tmp_path / "content", tmp_path / "content" / "course"
    work.mkdir()
    env = _clean_env(
        MULTIPOLAR_REPO=f"file://{source}",
        MULTIPOLAR_COURSE_DIR=str(course),
        # the package's dependencies are already installed here: resolve them, install nothing
        # (pip reads PIP_NO_BUILD_ISOLATION inverted: "0" means --no-build-isolation)
        PIP_DRY_RUN="1",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    run = _run_cell(
        work,
        env,
        colab=True,
        after=f"""
        import multipolar
        from multipolar import data, quiz, widgets
        assert os.path.realpath(multipolar.__file__).startswith({str(course)!r}), multipolar.__file__
        assert os.getcwd() == os.path.join({str(course)!r}, "book"), os.getcwd()
        frame = data.gdp_population()
        assert len(frame) > 100, len(frame)
        print("rows", len(frame))
        """,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert (course / "multipolar" / "__init__.py").is_file()
    assert "rows" in run.stdout


# --- JupyterHub (nbgitpuller) ------------------------------------------------------------------


def test_nbgitpuller_link_shape():
    s = launch.settings()
    url = launch.jupyterhub_url("book/02_china_rise.ipynb", hub="https://hub.example.edu/")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "hub.example.edu",
        "/hub/user-redirect/git-pull",
    )
    query = parse_qs(parts.query)
    assert query == {
        "repo": [s.repo_url],
        "branch": [s.branch],
        "urlpath": [f"{s.ui}/{s.name}/book/02_china_rise.ipynb"],
    }
    assert (
        launch.jupyterhub_url(ROOT / "book" / "02_china_rise.ipynb", hub="https://hub.example.edu")
        == url
    )
    with pytest.raises(ValueError):
        launch.jupyterhub_url(
            "book/02_china_rise.ipynb", hub="", s=s.__class__(repo_url=s.repo_url, branch=s.branch)
        )


def test_links_follow_the_config(tmp_path):
    """A fork changes one line of _config.yml, and every link follows."""
    cfg = (ROOT / "_config.yml").read_text(encoding="utf-8")
    fork = tmp_path / "_config.yml"
    fork.write_text(
        re.sub(r"(?m)^(\s*url:\s*)\S+", r"\1https://github.com/someone/my-course", cfg, count=1),
        encoding="utf-8",
    )
    s = launch.settings(fork)
    nb = "book/01_pax_americana.ipynb"
    assert (
        launch.binder_url(nb, s)
        == "https://mybinder.org/v2/gh/someone/my-course/main?urlpath=lab/tree/book/01_pax_americana.ipynb"
    )
    assert (
        launch.colab_url(nb, s)
        == "https://colab.research.google.com/github/someone/my-course/blob/main/book/01_pax_americana.ipynb"
    )
    assert '"https://github.com/someone/my-course"' in launch.colab_setup_source(s)
    with pytest.raises(ValueError, match="repository.url"):
        _ = launch.settings(
            _write(
                tmp_path / "bad.yml", cfg.replace("https://github.com/", "https://example.org/", 1)
            )
        ).slug


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
