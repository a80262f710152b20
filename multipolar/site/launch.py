"""Launch links for the course's notebooks, and the notebooks' Colab set-up cell.

Everything here is derived from one place, ``_config.yml`` (``repository.url``,
``repository.branch``, ``launch_buttons``), the same settings the book's rocket menu uses. An
instructor who forks the course changes ``repository.url`` there and runs::

    python -m multipolar.site.launch --write-colab-cells     # regenerate every chapter's set-up cell
    python -m multipolar.site.launch book/02_china_rise.ipynb [--hub https://hub.example.edu]

The second command prints the Binder, Colab and JupyterHub (nbgitpuller) links of a notebook.
The links have the shapes sphinx-book-theme gives its launch buttons (the browser tests check
that the built pages carry exactly these links).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

__all__ = [
    "Settings",
    "settings",
    "binder_url",
    "colab_url",
    "jupyterhub_url",
    "colab_setup_source",
    "write_colab_cells",
    "COLAB_TAG",
    "REPO_ENV",
    "DIR_ENV",
    "main",
]

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "_config.yml"
COLAB_TAG = "colab-setup"
#: Environment variables that override, on Colab, where the set-up cell clones from and to.
REPO_ENV = "MULTIPOLAR_REPO"
DIR_ENV = "MULTIPOLAR_COURSE_DIR"
_UI = {"jupyterlab": "lab/tree", "classic": "tree"}


@dataclass(frozen=True)
class Settings:
    repo_url: str
    branch: str
    binderhub_url: str = ""
    colab_url: str = ""
    jupyterhub_url: str = ""
    notebook_interface: str = "jupyterlab"

    @property
    def slug(self) -> str:
        """``owner/name`` of a GitHub repository URL."""
        m = re.fullmatch(r"https://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?", self.repo_url)
        if not m:
            raise ValueError(
                f"_config.yml: repository.url must be https://github.com/OWNER/NAME, not {self.repo_url!r}"
            )
        return f"{m.group(1)}/{m.group(2)}"

    @property
    def name(self) -> str:
        return self.slug.split("/")[1]

    @property
    def ui(self) -> str:
        return _UI[self.notebook_interface]


def settings(config: Path | str = CONFIG) -> Settings:
    """Read the launch settings from ``_config.yml``."""
    import yaml

    cfg = yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {}
    repo = cfg.get("repository") or {}
    buttons = cfg.get("launch_buttons") or {}
    if not repo.get("url"):
        raise ValueError(
            f"{config}: repository.url is not set; the launch links and Colab cells need it"
        )
    interface = buttons.get("notebook_interface") or "classic"
    if interface not in _UI:
        raise ValueError(
            f"{config}: launch_buttons.notebook_interface must be one of {sorted(_UI)}, not {interface!r}"
        )
    return Settings(
        repo_url=str(repo["url"]).rstrip("/"),
        branch=str(repo.get("branch") or "main"),
        binderhub_url=str(buttons.get("binderhub_url") or "").rstrip("/"),
        colab_url=str(buttons.get("colab_url") or "").rstrip("/"),
        jupyterhub_url=str(buttons.get("jupyterhub_url") or "").rstrip("/"),
        notebook_interface=interface,
    )


def _path(notebook: str | Path) -> str:
    p = Path(notebook)
    if p.is_absolute():
        p = p.relative_to(ROOT)
    if p.suffix != ".ipynb":
        raise ValueError(f"{notebook}: launch links open a notebook (.ipynb)")
    return p.as_posix()


def binder_url(notebook: str | Path, s: Settings | None = None) -> str:
    """mybinder (or the configured BinderHub) link that opens ``notebook`` (a path in the repository)."""
    s = s or settings()
    return f"{s.binderhub_url}/v2/gh/{s.slug}/{s.branch}?urlpath={s.ui}/{_path(notebook)}"


def colab_url(notebook: str | Path, s: Settings | None = None) -> str:
    """Google Colab link that opens ``notebook`` straight from GitHub."""
    s = s or settings()
    return f"{s.colab_url}/github/{s.slug}/blob/{s.branch}/{_path(notebook)}"


def jupyterhub_url(notebook: str | Path, hub: str | None = None, s: Settings | None = None) -> str:
    """nbgitpuller link: on ``hub`` (default: ``launch_buttons.jupyterhub_url``), pull the course
    repository into the user's home (folder named after the repository) and open ``notebook``."""
    s = s or settings()
    hub = (hub or s.jupyterhub_url).rstrip("/")
    if not re.match(r"https?://[^/\s]+", hub or ""):
        raise ValueError(
            "no JupyterHub address: set launch_buttons.jupyterhub_url in _config.yml or pass hub="
        )
    query = urlencode(
        {"repo": s.repo_url, "urlpath": f"{s.ui}/{s.name}/{_path(notebook)}", "branch": s.branch},
        safe="/",
    )
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def colab_setup_source(s: Settings | None = None) -> str:
    """Source of the first cell of every chapter notebook (tagged ``colab-setup``, hidden in the book).

    On Colab it clones the course (package and data) and installs the package; anywhere else
    it only imports ``os`` and ``sys``. ``MULTIPOLAR_REPO`` / ``MULTIPOLAR_COURSE_DIR`` override
    the clone's source and folder (the tests clone a local copy this way).
    """
    s = s or settings()
    return (
        "# Set-up for Google Colab: fetch the course (package and data). Elsewhere this does nothing.\n"
        "# Generated from _config.yml by `python -m multipolar.site.launch --write-colab-cells`; do not edit.\n"
        "import os, sys\n"
        'if "google.colab" in sys.modules:\n'
        "    import subprocess\n"
        f'    repo = os.environ.get("{REPO_ENV}", "{s.repo_url}")\n'
        f'    course = os.environ.get("{DIR_ENV}", "/content/course")\n'
        '    if not os.path.isdir(os.path.join(course, "multipolar")):\n'
        f'        subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "{s.branch}", repo, course], check=True)\n'
        '        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", course], check=True)\n'
        "    sys.path.insert(0, course)\n"
        '    os.chdir(os.path.join(course, "book"))'
    )


def _setup_cell(cells: list) -> list:
    return [c for c in cells if COLAB_TAG in c.get("metadata", {}).get("tags", [])]


def write_colab_cells(notebooks: list[Path] | None = None, s: Settings | None = None) -> list[Path]:
    """Rewrite the ``colab-setup`` cell of each chapter notebook from ``_config.yml``; return the changed files.

    A notebook without one gets it as its first cell (tagged ``remove-cell`` too, so the book hides it).
    """
    source = colab_setup_source(s)
    changed = []
    for path in notebooks if notebooks is not None else sorted((ROOT / "book").glob("*.ipynb")):
        raw = path.read_text(encoding="utf-8")
        nb = json.loads(raw)
        found = _setup_cell(nb["cells"])
        if found:
            for cell in found:
                cell["source"] = source.splitlines(keepends=True)
        else:
            nb["cells"].insert(
                0,
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "id": "colab-setup",
                    "metadata": {"tags": ["remove-cell", COLAB_TAG]},
                    "outputs": [],
                    "source": source.splitlines(keepends=True),
                },
            )
        new = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        if new != raw:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Launch links and Colab set-up cells, from _config.yml."
    )
    ap.add_argument(
        "notebooks",
        nargs="*",
        help="notebook paths in the repository, e.g. book/02_china_rise.ipynb",
    )
    ap.add_argument(
        "--hub",
        help="JupyterHub address for the nbgitpuller link (default: launch_buttons.jupyterhub_url)",
    )
    ap.add_argument(
        "--write-colab-cells",
        action="store_true",
        help="regenerate the colab-setup cell of every book/*.ipynb",
    )
    args = ap.parse_args(argv)
    if args.write_colab_cells:
        changed = write_colab_cells()
        print(
            f"{len(changed)} notebook(s) updated"
            + "".join(f"\n  {p.relative_to(ROOT)}" for p in changed)
        )
    s = settings()
    for nb in args.notebooks:
        print(nb)
        print(f"  Binder:     {binder_url(nb, s)}")
        print(f"  Colab:      {colab_url(nb, s)}")
        if args.hub or s.jupyterhub_url:
            print(f"  JupyterHub: {jupyterhub_url(nb, args.hub, s)}")
        else:
            print(
                "  JupyterHub: (pass --hub URL, or set launch_buttons.jupyterhub_url in _config.yml)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
