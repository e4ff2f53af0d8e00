"""hooks/core/memory.give_back returns freed memory to the machine, so Pagefind has room after rendering."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PROGRAM = """
import sys
sys.path.insert(0, {root!r})
from carers_hub.core import memory

def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) // 1024

blocks = [bytes(2000) + bytes([i % 256]) for i in range(100_000)]  # 200 MB in the C library's heap
held = rss()
still_used = blocks[::16]  # a few blocks stay, as after a build: the heap cannot simply shrink from its end
del blocks
kept = rss()
memory.give_back()
print(held, kept, rss())
"""


def test_freed_memory_is_given_back_to_the_machine():
    out = subprocess.run([sys.executable, "-c", PROGRAM.format(root=str(ROOT))], capture_output=True, text=True,
                         check=True).stdout
    held, kept, after = map(int, out.split())
    assert held > 150  # MB: the blocks were really there
    assert after < held - 120, f"after give_back the process still uses {after} MB of the {held} it held ({kept} before)"
