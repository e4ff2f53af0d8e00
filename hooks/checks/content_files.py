"""content/ holds pages, pictures and documents, and nothing a browser would run; content/ and data/ hold only
the project's own files.

MkDocs copies any file in content/ that is not a page into the site as it is, with none of the pages' checks:
an HTML, SVG or script file there would run on the site's own address, beside the browser editor at /admin/.
MkDocs also follows links (symlinks) out of the folder, so a link to a file elsewhere on the build machine would
publish that file. Both are refused before anything is read.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Callable, Iterable

from carers_hub.checks import svg_pictures
from carers_hub.core.problems import Problem

PAGE = ".md"


def _png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _gif(head: bytes) -> bool:
    return head[:6] in (b"GIF87a", b"GIF89a")


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


def _zip(head: bytes) -> bool:  # .docx, .xlsx, .odt and .ods are ZIP files
    return head.startswith(b"PK\x03\x04")


def _iso_media(head: bytes) -> bool:  # .mp4, .m4a, .avif
    return head[4:8] == b"ftyp"


def _mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")


def _text(head: bytes) -> bool:  # .csv, .txt: words, sent as text/plain, which browsers never run
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


# What may sit beside the pages, and how its first bytes show it is what its name says: a browser that is sent
# a file named .png but holding a web page may still run it.
ALLOWED: dict[str, Callable[[bytes], bool]] = {
    ".png": _png, ".jpg": _jpeg, ".jpeg": _jpeg, ".gif": _gif, ".webp": _webp, ".avif": _iso_media,
    ".pdf": _pdf, ".docx": _zip, ".xlsx": _zip, ".odt": _zip, ".ods": _zip, ".csv": _text, ".txt": _text,
    ".mp3": _mp3, ".m4a": _iso_media, ".mp4": _iso_media,
}
HEAD = 4096  # bytes read to tell a file's kind
SVG = ".svg"  # a picture that can hold a program: read whole (hooks/checks/svg_pictures.py)
KINDS = "pages (.md), and pictures, documents, sound and video (" + ", ".join(sorted([*ALLOWED, SVG])) + ")"


def inside(folder: Path, path: Path) -> bool:
    """Whether a file in a folder is really there, not a link to a file elsewhere (on the build machine)."""
    return path.resolve().is_relative_to(folder.resolve())


def outside(folder: Path, files: Iterable[Path]) -> list[Problem]:
    """Files in a folder that are links to a file elsewhere (on the build machine, or in another folder)."""
    problems = []
    for path in files:
        if not inside(folder, path):
            shown = _shown(folder, path)
            problems.append(Problem(
                code="FILE_OUTSIDE_PROJECT", file=shown, line=None, field="",
                message=f"this is a link to a file outside {folder.name}/, which the site may not publish or read.",
                fix=f"Put the file itself in {folder.name}/ (copy it there) instead of a link to it, or remove it."))
    return problems


def content_problems(content: Path, files: Iterable[Path]) -> list[Problem]:
    """Every file MkDocs found in content/: inside it, and a page or a picture that is what its name says."""
    problems = []
    for path in files:
        problems += outside(content, [path]) or _file_problems(content, path)
    return problems


def _file_problems(content: Path, path: Path) -> list[Problem]:
    suffix, shown = path.suffix.lower(), _shown(content, path)
    if suffix == PAGE:
        return []
    if suffix == SVG:
        return svg_pictures.problems(path.read_bytes(), shown)
    looks_right = ALLOWED.get(suffix)
    if looks_right is None:
        return [Problem(
            code="CONTENT_FILE_NOT_ALLOWED", file=shown, line=None, field="",
            message=f"content/ may hold only {KINDS}; a {suffix or 'file with no ending'} file would be published "
                    "as it is, without the checks every page gets.",
            fix="Remove the file. Write a page in Markdown instead, or save a picture as .png or .jpg. If the site "
                "needs this kind of file, ask a developer to add it to the theme (overrides/).")]
    with path.open("rb") as opened:
        head = opened.read(HEAD)
    if not looks_right(head):
        return [Problem(
            code="CONTENT_FILE_NOT_WHAT_IT_SAYS", file=shown, line=None, field="",
            message=f"this file is named {suffix} but does not hold a {suffix.lstrip('.').upper()} file.",
            fix="Save the file again from the program that made it, in the format its name says, or rename it to "
                "match what it is.")]
    return []


def _shown(folder: Path, path: Path) -> str:
    try:
        return f"{folder.name}/" + path.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()
