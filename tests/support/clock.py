""""Today" for the test suite: the newest date a reviewer wrote in the example (a page's last_reviewed, a
service's last_reviewed or a contact's checked date), so the suite gives the same result on any calendar day,
and moves on by itself when the content is reviewed again. And the importer's clocks for tests (FakeClock,
SteppingClock), so no test of fetching waits on the real one."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

REVIEWED = re.compile(r"^\s*(?:last_reviewed|checked):\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


def content_date(root: Path) -> date:
    texts = [p.read_text(encoding="utf-8") for folder in ("content", "data") for p in (root / folder).rglob("*")
             if p.suffix in (".md", ".yaml")]
    return max(date.fromisoformat(day) for text in texts for day in REVIEWED.findall(text))


class FakeClock:
    """The importer's clock (hooks/importer/fetch.py Clock) for tests: time moves only when the importer waits,
    and sleeping advances it at once, so nothing in a test sleeps."""

    def __init__(self):
        self.t = 1000.0
        self.slept: list[float] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.t

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.t += seconds


class SteppingClock(FakeClock):
    """A clock that is a second later each time it is read: a download that keeps receiving a few bytes, each
    read a second apart, runs out of time after as many reads as its deadline has seconds, without waiting."""

    def now(self) -> float:
        with self._lock:
            self.t += 1.0
            return self.t
