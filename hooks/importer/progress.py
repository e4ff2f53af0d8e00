"""A running count with the time left, for an import that takes minutes.

On a terminal it redraws one line with a bar; otherwise (a log, a test) it writes a line at most every
`every` seconds, and always the last one.
"""

from __future__ import annotations

import threading
from typing import TextIO

from carers_hub.importer.fetch import Clock, RealClock

BAR = 24


def duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} min {seconds:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


class Progress:
    def __init__(self, what: str, total: int, stream: TextIO, clock: Clock | None = None, every: float = 1.0):
        self.what, self.total, self.stream, self.every = what, total, stream, every
        self.clock = clock or RealClock()
        self.started = self.clock.now()
        self.done = 0
        self._shown_at: float | None = None
        self._tty = bool(getattr(stream, "isatty", lambda: False)())
        self._lock = threading.Lock()

    def line(self) -> str:
        elapsed = self.clock.now() - self.started
        share = self.done / self.total if self.total else 1.0
        left = elapsed / self.done * (self.total - self.done) if self.done else None
        text = f"{self.what}: {self.done} of {self.total} ({share:.0%})"
        if self.done == self.total:
            text += f", done in {duration(elapsed)}"
        elif left is not None:
            text += f", about {duration(left)} left"
        if self._tty:
            filled = int(BAR * share)
            text = "[" + "#" * filled + "." * (BAR - filled) + "] " + text
        return text

    def step(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            now = self.clock.now()
            finished = self.done >= self.total
            if not finished and self._shown_at is not None and now - self._shown_at < self.every:
                return
            self._shown_at = now
            if self._tty:
                self.stream.write("\r" + self.line() + ("\n" if finished else ""))
            else:
                self.stream.write(self.line() + "\n")
            self.stream.flush()
