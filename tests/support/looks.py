"""What a page looks like: text covered by something drawn on top of it, and screenshots compared with reviewed
baselines (tests/baselines/). Used by tests/test_how_it_looks.py."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINES = ROOT / "tests" / "baselines"
RESULTS = ROOT / "test-results"  # the actual picture and a picture of the difference, for review (not committed)
COVERED_TEXT = (Path(__file__).parent / "covered_text.js").read_text()
TALLEST = 20_000  # px: a page taller than this is checked down to here

# A pixel differs when one of its colour channels moves by more than CHANNEL (of 255); a picture differs when
# more than SHARE of its pixels do. Anti-aliasing noise moves a few pixels a little; a moved or restyled block
# moves thousands a lot.
CHANNEL = 24
SHARE = 0.002

def updating() -> bool:
    """`make baselines` (UPDATE_BASELINES=1) rewrites the baselines instead of comparing with them."""
    return os.environ.get("UPDATE_BASELINES") == "1"


def covered_text(page) -> list[str]:
    """Each piece of text on the page that something else is drawn over, checked with the window as tall as the
    page at scroll 0: every line is in view, and the bars that stay on screen sit where the page starts."""
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, TALLEST))})
    try:
        page.evaluate("window.scrollTo(0, 0)")
        return page.evaluate(COVERED_TEXT)
    finally:
        page.set_viewport_size(size)


def screenshot(page, screens: int = 2) -> bytes:
    """The top of the page, `screens` windows tall, once its fonts are in, with nothing moving (no animation,
    transition or blinking caret) and scrolled to the top."""
    size = page.viewport_size
    page.evaluate("document.fonts.ready.then(() => window.scrollTo(0, 0))")
    height = min(page.evaluate("document.documentElement.scrollHeight"), screens * size["height"])
    return page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height},
                           animations="disabled", caret="hide")


def fonts_as_baselines() -> str | None:
    """Why this machine would draw text differently from the baselines, or None. They were drawn with DejaVu,
    the only fonts on a new machine here and in CI (tests/support/system-packages installs both packages), which
    the site's font list (system-ui ... sans-serif) falls back to; Roboto, Arial or a Liberation font would win."""
    import subprocess

    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    rivals = sorted({f for f in families.split("\n") for name in ("Roboto", "Arial", "Liberation Sans", "Segoe UI",
                                                                 "Nimbus Sans") if name in f})
    fallback = subprocess.run(["fc-match", "-f", "%{family}", "sans-serif"], capture_output=True, text=True).stdout
    italic = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans:oblique"], capture_output=True, text=True).stdout
    if rivals or not fallback.startswith("DejaVu Sans") or "Oblique" not in italic:
        return (f"the baselines were drawn with DejaVu Sans (Debian's fonts-dejavu-core and fonts-dejavu-extra), "
                f"this machine has sans-serif = {fallback!r}, italic from {italic!r}, and also {rivals}")
    return None


def against_baseline(actual: bytes, baseline: Path, name: str) -> str | None:
    """difference(), or with UPDATE_BASELINES=1 the picture written as the new baseline."""
    if updating():
        import io

        from PIL import Image

        # 256 colours, undithered: under half the bytes, and it moves under 0.05% of pixels past CHANNEL.
        baseline.parent.mkdir(parents=True, exist_ok=True)
        picture = Image.open(io.BytesIO(actual)).convert("RGB")
        picture.quantize(256, dither=Image.Dither.NONE).save(baseline, optimize=True)
        return None
    return difference(actual, baseline, name)


def difference(actual: bytes, baseline: Path, name: str) -> str | None:
    """None when the picture matches the baseline within the tolerance; otherwise what differs, with the actual
    picture and a picture of the differences written to test-results/ for review."""
    import io

    from PIL import Image, ImageChops

    if not baseline.exists():
        return save(name, actual, None, f"no baseline {baseline.relative_to(ROOT)}: run `make baselines`, look "
                                          "at the pictures and commit them")
    now, then = (Image.open(io.BytesIO(actual)).convert("RGB"), Image.open(baseline).convert("RGB"))
    if now.size != then.size:
        return save(name, actual, None, f"{name}: {now.size[0]}x{now.size[1]} px, the baseline is "
                                          f"{then.size[0]}x{then.size[1]}")
    changed = ImageChops.difference(now, then).point(lambda v: 255 if v > CHANNEL else 0).convert("L")
    changed = changed.point(lambda v: 255 if v else 0)
    share = changed.histogram()[255] / (now.size[0] * now.size[1])
    if share <= SHARE:
        return None
    return save(name, actual, changed, f"{name}: {share:.2%} of pixels differ (at most {SHARE:.2%} may)")


def save(name: str, actual: bytes, changed, message: str) -> str:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.actual.png").write_bytes(actual)
    if changed is not None:
        changed.save(RESULTS / f"{name}.diff.png")
    return f"{message}; see {RESULTS.relative_to(ROOT)}/{name}.*.png"
