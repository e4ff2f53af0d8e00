"""Give memory the build no longer needs back to the machine.

Python keeps memory it has freed for its own later use, and the C library it runs on keeps freed blocks in
its heap. Before Pagefind indexes a national directory (and after a job of the second process), that memory
is what the index needs: give_back collects garbage and asks the C library to return free heap memory to the
system (glibc's malloc_trim; elsewhere it does nothing).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from typing import Any


def _trim() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


_MALLOC_TRIM = _trim()


def give_back() -> None:
    gc.collect()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
