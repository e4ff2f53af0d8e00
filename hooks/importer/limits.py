"""What one request to a feed may cost: one deadline for the whole answer, a size, and where it may redirect.

A feed is not trusted to end. A socket's timeout only bounds each wait for the next bytes, so a server that
sends one byte a second never trips it: here every read from the socket first checks the request's deadline on
the importer's Clock (and waits no longer than what is left), headers included. The body is read in pieces
and refused once it passes the size limit (at once, if the server says it will). Redirects are followed only
to the same host, over https (or plain http on this machine, which the tests use); anything else stops with
both addresses named. Only http and https are opened: no file:, ftp: or data: handler is installed.
"""

from __future__ import annotations

import http.client
import io
import urllib.request
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urljoin, urlsplit

CHUNK = 64 * 1024
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class TooSlow(TimeoutError):
    """The whole answer did not arrive before the request's deadline (retried, like any timeout)."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} seconds to send its whole answer (--timeout {seconds:g})")


class Refused(Exception):
    """An answer the import will not read: asking again would give the same (never retried)."""


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


class TooBig(Refused):
    def __init__(self, limit: int, said: int | None = None):
        what = f"says its answer is {megabytes(said)}, " if said else "sent "
        super().__init__(f"{what}more than {megabytes(limit)}, the most the import reads from one address "
                         f"(--max-size {limit / 1_000_000:g})")


class RedirectRefused(Refused):
    def __init__(self, source: str, target: str):
        super().__init__(f"{source} redirected to {target}: the import follows a redirect only to the same host, "
                         "over https")


@dataclass
class Limits:
    """One request's limits, from the moment it is made: `seconds` for the whole answer, on `clock` (anything
    with now(): the importer's Clock), and at most `max_bytes` of body."""
    clock: Any
    seconds: float
    max_bytes: int
    deadline: float = field(init=False)

    def __post_init__(self):
        self.deadline = self.clock.now() + self.seconds

    def left(self) -> float:
        """Seconds left; TooSlow once there are none."""
        left = self.deadline - self.clock.now()
        if left <= 0:
            raise TooSlow(self.seconds)
        return left


def redirect_allowed(source: str, target: str) -> bool:
    """The same host name (any port), over https; plain http only on this machine."""
    old, new = urlsplit(source), urlsplit(target)
    if not new.hostname or new.hostname.lower() != (old.hostname or "").lower():
        return False
    return new.scheme == "https" or (new.scheme == "http" and new.hostname.lower() in LOOPBACK)


def read_body(answer, limits: Limits) -> bytes:
    """The whole body, in pieces, refused past the size limit (before reading, if the server says its size)."""
    said = (answer.headers.get("Content-Length") or "").strip()
    if said.isdigit() and int(said) > limits.max_bytes:
        raise TooBig(limits.max_bytes, int(said))
    body = bytearray()
    while piece := answer.read(CHUNK):
        body += piece
        if len(body) > limits.max_bytes:
            raise TooBig(limits.max_bytes)
    return bytes(body)


class _DeadlineReader(io.RawIOBase):
    """The socket, read through the request's deadline: each read waits at most for what is left of it."""

    def __init__(self, sock, limits: Limits):
        self._sock, self._limits = sock, limits
        self._each = sock.gettimeout()  # the socket's own timeout: one wait for bytes never takes longer
        self._raw = sock.makefile("rb", buffering=0)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        left = self._limits.left()
        self._sock.settimeout(left if self._each is None else min(self._each, left))
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            self._limits.left()  # the deadline, if that is what passed; else the socket's own timeout
            raise

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Response(http.client.HTTPResponse):
    """http.client's answer, reading its status line, headers and body through _DeadlineReader."""

    def __init__(self, sock, *args, limits: Limits, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp.close()  # the plain reader http.client made: replaced before anything is read
        self.fp = io.BufferedReader(_DeadlineReader(sock, limits))


class _Limited:
    """A connection whose connecting and answers keep to the request's Limits."""

    def __init__(self, *args, limits: Limits, **kwargs):
        super().__init__(*args, **kwargs)
        self._limits = limits
        self.response_class = partial(_Response, limits=limits)

    def connect(self) -> None:
        if isinstance(self.timeout, (int, float)):
            self.timeout = min(self.timeout, self._limits.left())
        super().connect()


class _HTTPConnection(_Limited, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Limited, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_HTTPConnection, req, limits=req.limits)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context, limits=req.limits)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only where redirect_allowed says, within the first request's Limits."""

    def http_error_302(self, req, fp, code, msg, headers):
        # Checked before urllib's own rules, so a file: or data: address is named too, not just refused.
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if not redirect_allowed(req.full_url, target):
            fp.close()
            raise RedirectRefused(req.full_url, target)
        read_body(fp, req.limits)  # the redirect's own body counts against the limits (urllib reads it whole)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not redirect_allowed(req.full_url, newurl):
            raise RedirectRefused(req.full_url, newurl)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.limits = req.limits  # one deadline for the request, however many hops
        return new


def opener() -> urllib.request.OpenerDirector:
    """urllib with http and https only, each request keeping to the Limits set as its `limits` attribute."""
    director = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), _HTTPHandler(), _HTTPSHandler(), _SameHostRedirects(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
                    urllib.request.UnknownHandler()):
        director.add_handler(handler)
    return director
