"""Put a finished build in place of the live site, so the site folder always holds one whole site.

    .venv/bin/python -m carers_hub.tools.publish NEW LIVE      (make site: .site-build -> site)

`rm -rf site && mv .site-build site`, stopped between its two commands or while rm deletes, left a site
folder with part of the old site or none. swap() never deletes anything still in place: on Linux the two
folders change places in one step (renameat2 RENAME_EXCHANGE), so the live folder is the whole old site
until that instant and the whole new one after it; the old one is renamed aside (LIVE.old-PID) and only then
deleted. Where the system cannot swap in one step it renames the old site aside, then the new one in: stopped
between the two, no site is in place, and the next run puts the old one back first (recover). Either way the
next run deletes what an interrupted one set aside. Both folders must be on one file system (renames only).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

ASIDE = ".old-"  # LIVE.old-PID: an old site set aside, deleted once the new one is in place
AT_FDCWD, RENAME_EXCHANGE = -100, 2  # Linux <fcntl.h>, <linux/fs.h>
CANNOT_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}  # old kernel or a file system without it


class CannotPublish(Exception):
    """What stops a swap before it changes anything."""


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False, having changed nothing, where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28 and later
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in CANNOT_EXCHANGE:
        return False
    raise OSError(error, os.strerror(error), str(a), None, str(b))


def set_aside(live: Path) -> list[Path]:
    """Old sites an interrupted swap left beside the live one, newest first."""
    found = [p for p in live.parent.iterdir() if p.name.startswith(live.name + ASIDE) and p.is_dir()]
    return sorted(found, key=lambda p: p.stat().st_ctime, reverse=True)  # a rename changes ctime


def recover(live: Path) -> None:
    """After an interrupted swap: if no site is in place, put back the one set aside (only the two-step swap
    leaves none, and it sets aside a whole site); then delete every old site set aside."""
    leftovers = set_aside(live)
    if leftovers and not live.exists():
        os.rename(leftovers.pop(0), live)
    for old in leftovers:
        shutil.rmtree(old)


def swap(new: Path, live: Path) -> None:
    """Put the site built at `new` in place of the one at `live` (if any); nothing is left at `new`."""
    if not new.is_dir():
        raise CannotPublish(f"There is no built site at {new}: build it first.")
    if new.stat().st_dev != live.absolute().parent.stat().st_dev:
        raise CannotPublish(f"{new} and {live} are on different disks: build into a folder beside {live}.")
    recover(live)
    aside = live.with_name(f"{live.name}{ASIDE}{os.getpid()}")
    if not live.exists():
        os.rename(new, live)
        return
    if exchange(new, live):  # live is now the new site; `new` holds the old one
        os.rename(new, aside)
    else:
        os.rename(live, aside)  # no site in place until the next line: recover() puts it back if stopped here
        os.rename(new, live)
    shutil.rmtree(aside)


def main(argv: list[str] | None = None) -> int:
    new, live = (Path(a) for a in (argv if argv is not None else sys.argv[1:]))
    try:
        swap(new, live)
    except CannotPublish as reason:
        print(reason, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
