"""The replay's checkout: a fresh clone with no .venv and no node_modules, and where its installs come from.

GitHub's runner starts from a bare container and installs from the internet. The replay must not use the
network, so its installs come from what this machine already holds:
- npm: `npm ci` with npm_config_offline=true, from the npm cache that `make node_modules/...` filled;
- pip: PIP_NO_INDEX with PIP_FIND_LINKS at the wheel folder `make ci-wheels` fills (CI: .ci/run, which may use
  the network); where that folder is missing (a machine with no network at all), `seed_venv` copies a venv
  that was installed from the same lock file, after checking it holds exactly the pinned versions.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from carers_hub.core.paths import ROOT

WHEELS = ROOT / ".cache" / "ci-wheels"
LOCKS = ("requirements/site.txt", "requirements/test.txt")
MARKERS = (".site-deps", ".test-deps")  # the Makefile's "this layer is installed" files


class CannotReplay(Exception):
    """What stops a replay before its first step: say what to run instead."""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def clone(source: Path, target: Path, uncommitted: bool = True) -> str:
    """Clone `source`'s current commit into `target` (full history, so the changed-files step can diff); with
    `uncommitted`, also its uncommitted and untracked files, committed in the clone. Returns the clone's head."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(source), str(target)], check=True)
    git("config", "user.name", "Replay", cwd=target)
    git("config", "user.email", "replay@localhost", cwd=target)
    if uncommitted:
        diff = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=source, check=True, capture_output=True).stdout
        if diff:
            subprocess.run(["git", "apply", "--whitespace=nowarn"], cwd=target, input=diff, check=True)
        for name in git("ls-files", "--others", "--exclude-standard", "-z", cwd=source).split("\0"):
            if name:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / name, target / name)
        commit(target, "Uncommitted changes, as on disk")
    return git("rev-parse", "HEAD", cwd=target)


def commit(workspace: Path, message: str) -> str:
    """Commit everything in the clone (nothing to commit is fine); returns the head."""
    git("add", "--all", cwd=workspace)
    git("commit", "--quiet", "--allow-empty", "-m", message, cwd=workspace)
    return git("rev-parse", "HEAD", cwd=workspace)


def wheels_ready(root: Path = ROOT, wheels: Path = WHEELS) -> bool:
    """Whether `make ci-wheels` filled the wheel folder for today's lock files."""
    return (wheels / stamp(root)).exists()


def stamp(root: Path = ROOT) -> str:
    digest = hashlib.sha256(b"".join((root / lock).read_bytes() for lock in LOCKS)).hexdigest()[:16]
    return f".filled-{digest}"


def install_env(wheels: Path | None) -> dict[str, str]:
    """The environment that makes the replay's installs offline."""
    env = {"npm_config_offline": "true", "npm_config_update_notifier": "false"}
    if wheels:
        env |= dict(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels))
    return env


def missing_pins(venv: Path, lock: Path) -> list[str]:
    """The pinned `name==version`s of a lock file that `venv` does not hold at exactly that version."""
    pins = [line.split()[0] for line in lock.read_text().splitlines() if line[:1].isalnum() and "==" in line]
    probe = ("import sys, importlib.metadata as m\n"
             "from packaging.version import Version\n"  # 1.006 is 1.6, as pip compares them
             "def have(pin):\n"
             "    name, version = pin.split('==')\n"
             "    try: return Version(m.version(name)) == Version(version)\n"
             "    except m.PackageNotFoundError: return False\n"
             "print('\\n'.join(p for p in sys.argv[1:] if not have(p)))")
    found = subprocess.run([str(venv / "bin" / "python"), "-c", probe, *pins], capture_output=True, text=True)
    if found.returncode:
        return pins
    return found.stdout.split()


def seed_venv(source: Path, workspace: Path, lock: Path) -> None:
    """Put a copy of the venv `source` (installed from `lock`) at workspace/.venv, for a machine with no network.

    Files are hard links (the copy costs no disk); the scripts in bin/ are rewritten to name the copy's Python and
    the Makefile's install markers are made anew, newer than the clone's requirements, so nothing in the shared
    venv is ever written to."""
    source = source.resolve()
    missing = missing_pins(source, lock)
    if missing:
        raise CannotReplay(f"{source} is not installed from {lock.name} ({len(missing)} pins differ, e.g. "
                           f"{missing[0]}): run `make ci-wheels` (needs the network) or reinstall it.")
    target = workspace / ".venv"
    shutil.copytree(source, target, symlinks=True, copy_function=os.link)
    for script in (target / "bin").iterdir():
        if script.is_file() and not script.is_symlink():
            head = script.read_bytes()
            if head.startswith(b"#!" + bytes(source)):
                script.unlink()
                script.write_bytes(head.replace(bytes(source), bytes(target), 1))
                script.chmod(0o755)
    for marker in MARKERS:
        if (target / marker).exists():
            (target / marker).unlink()
            (target / marker).touch()



def seed_node_modules(source: Path, workspace: Path) -> None:
    """node_modules as a restored cache leaves it (hard links: no disk), its lock record newer than the clone's."""
    shutil.copytree(source.resolve(), workspace / "node_modules", symlinks=True, copy_function=os.link)
    record = workspace / "node_modules" / ".package-lock.json"
    text = record.read_bytes()
    record.unlink()
    record.write_bytes(text)


def fill_wheels(root: Path = ROOT, wheels: Path = WHEELS) -> None:
    """Download every pinned package (checked against the lock's hashes) and the tools that build any source
    package, so replays install with no network (needs the network itself: .ci/run calls it)."""
    if wheels_ready(root, wheels):
        return
    wheels.mkdir(parents=True, exist_ok=True)
    pip = [str(root / ".venv" / "bin" / "python"), "-m", "pip", "download", "--quiet", "--dest", str(wheels)]
    for lock in LOCKS:
        subprocess.run([*pip, "--require-hashes", "-r", str(root / lock)], check=True)
    subprocess.run([*pip, "setuptools", "wheel"], check=True)
    (wheels / stamp(root)).touch()


if __name__ == "__main__":
    fill_wheels()
