"""The bubblewrap sandbox both grading phases run in.

It shows a process only what grading needs, read-only: the Python runtime (the interpreter's
own folder and the virtual environment), the system libraries under ``/usr``, the course
package ``multipolar/`` and ``data/``; plus its own working folder (writable) and, in phase 2
only, the tests.  Not the rest of the repository (``solutions/``, ``exercises/``, ``tests/``),
not ``/root`` or ``/home``, not ``/etc``, not the other submissions.  It runs as an
unprivileged user (uid 65534, "nobody") in new user, PID, network, IPC, UTS and cgroup
namespaces: no network, and ``/proc`` shows only the sandbox's own processes.  A seccomp
filter refuses to create new processes (threads are allowed), so a fork bomb stops at its
first fork; caps on memory (address space) and file size are set with ``setrlimit``; the
grader kills the whole sandbox when its time runs out (``--die-with-parent`` and a new PID
namespace: when its first process ends, every process in it ends).
"""

from __future__ import annotations

import os
import platform
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = [
    "ROOT",
    "BWRAP_MISSING",
    "LIMIT_WRAPPER",
    "data_dir",
    "runtime_dirs",
    "sandbox_available",
    "seccomp_filter",
    "sandbox_command",
    "child_env",
    "limited",
    "run",
    "kill_group",
]

ROOT = Path(__file__).resolve().parents[2]

BWRAP_MISSING = (
    "bubblewrap (`bwrap`) is not installed, so submissions cannot be run in a sandbox.\n"
    "Install it (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf install "
    "bubblewrap`; or run `bash scripts/setup_system.sh` as root) and run this command again.\n"
    "Only if you trust every submission, you may grade without a sandbox by adding "
    "--unsafe-no-sandbox: student code then runs with your own permissions."
)


#: Where the data lives: ``data/`` of the repository, or the folder ``MULTIPOLAR_DATA`` names.
def data_dir() -> Path:
    return Path(os.environ.get("MULTIPOLAR_DATA") or ROOT / "data")


def runtime_dirs() -> list[Path]:
    """The Python runtime: the interpreter's installation and the virtual environment."""
    dirs = {
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.executable).resolve().parent,
    }
    return sorted(dirs)


def sandbox_available() -> tuple[bool, str]:
    """Whether bubblewrap exists and can start this module's sandbox here; if not, why."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, BWRAP_MISSING
    with tempfile.TemporaryDirectory(prefix="grade-probe-") as tmp:
        try:
            proc = subprocess.run(
                sandbox_command(Path(tmp), [sys.executable, "-c", "pass"]),
                capture_output=True,
                text=True,
                timeout=30,
                env={},
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return (
                False,
                f"bubblewrap is installed but could not start a sandbox ({exc}).\n" + BWRAP_MISSING,
            )
    if proc.returncode != 0:
        return False, (
            f"bubblewrap is installed but could not start a sandbox here: "
            f"{proc.stderr.strip()[-500:]}\n(user namespaces may be disabled; see "
            "`man bwrap`).\n" + BWRAP_MISSING
        )
    return True, ""


def seccomp_filter() -> bytes | None:
    """A seccomp BPF program that refuses new processes (fork, vfork, clone without
    CLONE_THREAD, clone3) with EPERM and allows everything else; None on other machines
    than x86-64 and ARM64 Linux (then only the time limit bounds a fork bomb)."""
    arch = {"x86_64": (0xC000003E, {57, 58}, 56), "aarch64": (0xC00000B7, set(), 220)}.get(
        platform.machine()
    )
    if arch is None or sys.platform != "linux":
        return None
    audit_arch, forks, clone = arch
    ld, jeq, jset, ret = 0x20, 0x15, 0x45, 0x06
    allow, eperm, enosys = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38
    clone3, clone_thread = 435, 0x00010000

    def op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    prog = [op(ld, 4), op(jeq, audit_arch, 1, 0), op(ret, allow), op(ld, 0)]
    for nr in sorted(forks):
        prog += [op(jeq, nr, 0, 1), op(ret, eperm)]
    prog += [
        op(jeq, clone3, 0, 1),
        op(ret, enosys),  # glibc then falls back to clone
        op(jeq, clone, 0, 4),
        op(ld, 16),
        op(jset, clone_thread, 0, 1),
        op(ret, allow),
        op(ret, eperm),
        op(ret, allow),
    ]
    return b"".join(prog)


def sandbox_command(
    work: Path, command: list[str], read_only: list[Path] = (), seccomp_fd: int | None = None
) -> list[str]:
    """``command`` wrapped in bubblewrap, seeing only what grading needs (see the module doc)."""
    cmd = [
        shutil.which("bwrap") or "bwrap",
        "--unshare-all",
        "--unshare-user",
        "--uid",
        "65534",
        "--gid",
        "65534",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--ro-bind",
        "/usr",
        "/usr",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--tmpfs",
        "/tmp",
    ]
    for name in ("bin", "lib", "lib64", "lib32", "sbin"):
        p = Path("/") / name
        if p.is_symlink():
            cmd += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            cmd += ["--ro-bind", str(p), str(p)]
    for p in runtime_dirs():
        if not p.is_relative_to("/usr"):
            cmd += ["--ro-bind", str(p), str(p)]
    cmd += [
        "--ro-bind",
        str(ROOT / "multipolar"),
        str(ROOT / "multipolar"),
        "--ro-bind",
        str(data_dir().resolve()),
        str(data_dir().resolve()),
    ]
    cmd += ["--bind", str(work), str(work)]
    for p in read_only:
        cmd += ["--ro-bind", str(p), str(p)]
    cmd += ["--remount-ro", "/", "--chdir", str(work)]
    for key, value in child_env(work).items():
        cmd += ["--setenv", key, value]
    if seccomp_fd is not None:
        cmd += ["--seccomp", str(seccomp_fd)]
    return cmd + ["--"] + command


def child_env(work: Path) -> dict[str, str]:
    """The whole environment of a grading process (nothing of the grader's own)."""
    env = {
        "HOME": str(work),
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(work / ".matplotlib"),
        "IPYTHONDIR": str(work / ".ipython"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT),
        "PYTHONHASHSEED": "0",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "TMPDIR": "/tmp",
    }
    if os.environ.get("MULTIPOLAR_DATA"):
        env["MULTIPOLAR_DATA"] = str(data_dir().resolve())
    return env


#: Runs a command under memory and file-size caps (a tiny exec wrapper: no preexec_fn in threads).
LIMIT_WRAPPER = (
    "import os, resource, sys\n"
    "mem, fsize = int(sys.argv[1]), int(sys.argv[2])\n"
    "for lim, val in ((resource.RLIMIT_AS, mem), (resource.RLIMIT_FSIZE, fsize), (resource.RLIMIT_CORE, 0)):\n"
    "    try:\n"
    "        resource.setrlimit(lim, (val, val))\n"
    "    except (ValueError, OSError):\n"
    "        pass\n"
    "os.execv(sys.argv[3], sys.argv[3:])\n"
)


def limited(command: list[str], memory_mb: int, file_mb: int = 64) -> list[str]:
    """``command`` run with a cap on memory and on the size of any file it writes."""
    return [
        sys.executable,
        "-c",
        LIMIT_WRAPPER,
        str(memory_mb * 2**20),
        str(file_mb * 2**20),
        *command,
    ]


def run(
    command: list[str],
    work: Path,
    *,
    sandbox: bool,
    timeout: float,
    read_only: list[Path] = (),
    stdout: Path,
    stderr: Path,
    stdin: bytes | None = None,
) -> tuple[int | None, bool]:
    """Run ``command`` (sandboxed unless told otherwise); (exit status, timed out).

    Everything it starts is killed when it ends or its time is up.
    """
    pass_fds: tuple[int, ...] = ()
    rfd = None
    if sandbox:
        prog = seccomp_filter()
        if prog is not None:
            rfd, wfd = os.pipe()
            os.write(wfd, prog)
            os.close(wfd)
            pass_fds = (rfd,)
        command = sandbox_command(work, command, read_only, seccomp_fd=rfd)
    try:
        with open(stdout, "wb") as so, open(stderr, "wb") as se:
            proc = subprocess.Popen(
                command,
                cwd=work,
                stdout=so,
                stderr=se,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                env=child_env(work),
                start_new_session=True,
                pass_fds=pass_fds,
            )
    finally:
        if rfd is not None:
            os.close(rfd)
    timed_out = False
    try:
        proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    kill_group(proc)
    return proc.returncode, timed_out


def kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and its whole process group; wait for it."""
    for kill in (lambda: os.killpg(proc.pid, signal.SIGKILL), proc.kill):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
