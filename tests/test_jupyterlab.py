"""The notebooks in a real JupyterLab: the front end the README tells students to open.

JupyterLab (from the student environment, binder/requirements.txt) is started on a loopback port
over copies of a chapter and an exercise notebook, and Debian's Chromium, driven by Playwright,
opens each one as a student would: Run All Cells, then change a widget control and see the chart
change; in the exercise notebook, see a check's message. Requests to any other host are blocked.

By default JupyterLab and the kernel come from the environment running the tests. To check a
student environment built on its own (``bash binder/install.sh /tmp/lean``), point
MULTIPOLAR_STUDENT_ENV at it: JupyterLab and its kernel then run from there, without PYTHONPATH.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "multipolar-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server over a scratch folder holding copies of the notebooks."""
    student = os.environ.get("MULTIPOLAR_STUDENT_ENV")
    exe = (
        Path(student) / "bin" / "jupyter-lab"
        if student
        else Path(sys.executable).with_name("jupyter-lab")
    )
    assert exe.is_file(), (
        f"JupyterLab is not installed ({exe}): the README's `jupyter lab` would fail"
    )
    work = tmp_path_factory.mktemp("lab")
    for folder, name in [("book", "02_china_rise.ipynb"), ("exercises", "ch02.ipynb")]:
        (work / folder).mkdir()
        shutil.copy(ROOT / folder / name, work / folder / name)
    home = work / ".home"
    home.mkdir()
    env = os.environ | {
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    if student:  # the student environment alone: its own Python, kernel and course package
        env = {
            k: v for k, v in env.items() if k not in ("PYTHONPATH", "JUPYTER_PATH", "VIRTUAL_ENV")
        }
        env["PATH"] = f"{Path(student) / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    port = _free_port()
    log = open(work / "lab.log", "w")
    proc = subprocess.Popen(
        [
            str(exe),
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.root_dir={work}",
            f"--IdentityProvider.token={TOKEN}",
            "--ServerApp.open_browser=False",
        ]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("JupyterLab exited:\n" + (work / "lab.log").read_text()[-3000:])
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start:\n" + (work / "lab.log").read_text()[-3000:])
        yield base, work
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup_system.sh as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


def _open_and_run_all(browser, base: str, path: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route(
        "**/*",
        lambda r: r.continue_()
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
        else r.abort(),
    )
    # A workspace of its own, so JupyterLab does not reopen the notebooks of an earlier test.
    workspace = Path(path).stem.replace("_", "-")
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{path}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    # The kernel is ready when the status bar says "Python 3 (ipykernel) | Idle".
    page.wait_for_function(
        "() => { const s = document.querySelector('.jp-StatusBar-Widget, #jp-main-statusbar');"
        " return s && /Python 3[\\s\\S]*Idle/.test(s.innerText); }",
        timeout=90_000,
    )
    numbered = (
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".some(e => /\\[(\\d+|\\*)\\]/.test(e.textContent))"
    )
    for attempt in range(3):  # a click that lands while the kernel is still connecting is lost
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():  # e.g. JupyterLab asking which kernel to use: take its default
            dialog.first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        try:
            page.wait_for_function(numbered, timeout=20_000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: try the menu again
            if attempt == 2:
                raise
    # Done when the kernel is idle again and every shown prompt has its execution number (a cell
    # whose code is collapsed shows no prompt).
    page.wait_for_function(
        "() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".map(e => e.textContent.trim()).filter(t => t); "
        "const idle = document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=idle]');"
        "return idle && p.length > 3 && p.every(t => /\\[\\d+\\]/.test(t)); }",
        timeout=240_000,
    )
    return page


def test_chapter_runs_and_its_widget_redraws_the_chart(lab, browser):
    base, work = lab
    page = _open_and_run_all(browser, base, "book/02_china_rise.ipynb")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert not tracebacks, tracebacks[:2]
    select = page.locator(".widget-dropdown select").first
    select.wait_for(timeout=60_000)
    chart = page.locator(".widget-output img").first
    chart.wait_for(timeout=60_000)
    before = chart.get_attribute("src")
    count, current = select.evaluate("s => [s.options.length, s.selectedIndex]")
    assert count > 1, "the dropdown offers one choice only"
    select.select_option(index=(current + 1) % count)
    page.wait_for_function(
        "(old) => { const i = document.querySelector('.widget-output img'); "
        "return i && i.getAttribute('src') !== old; }",
        arg=before,
        timeout=60_000,
    )
    after = page.locator(".widget-output img").first.get_attribute("alt") or ""
    assert after, "the redrawn chart has no alt text"
    page.screenshot(path=str(work / "chapter.png"))
    page.close()


def test_exercise_check_shows_its_message(lab, browser):
    base, work = lab
    page = _open_and_run_all(browser, base, "exercises/ch02.ipynb")
    outputs = " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
    assert "NameError" not in outputs and "Traceback" not in outputs, outputs[:2000]
    # The unanswered notebook's checks answer with sentences about the answers left unset.
    assert re.search(r"`q\d_\w+` (should be|is still|is not set|is None)", outputs), outputs[:2000]
    page.close()
