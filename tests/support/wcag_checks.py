"""WCAG 2.2 AA criteria that axe leaves to people, checked in Chromium on a page as a reader has it.

Each check takes a Playwright page already at the address and returns what fails, one sentence each, naming
the element (a short CSS path) so the fix is findable. docs/developers/accessibility.md says which criterion
each one covers and what stays manual.
"""

from __future__ import annotations

# A short CSS path for an element, for messages: tag, id or first class, up to three ancestors.
_NAME = """
window.__name = window.__name || (el => {
  const part = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : (typeof e.className === 'string' && e.className.trim()
    ? '.' + e.className.trim().split(/\\s+/)[0] : ''));
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 3; e = e.parentElement) parts.unshift(part(e));
  return parts.join(' > ');
});
"""

# Visible, painted: not display:none, not visibility:hidden, with a box.
_VISIBLE = """
window.__visible = window.__visible || (el => {
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && el.getClientRects().length > 0;
});
"""


def _run(page, script: str, arg=None):
    page.evaluate(_NAME + _VISIBLE + "0;")  # ends in a value: Playwright calls a script whose value is a function
    return page.evaluate(script, arg)


def reflow(page) -> list[str]:
    """1.4.10 Reflow: at 320 CSS px wide (a phone, or a 1280 px window at 400%) nothing scrolls sideways."""
    return _run(page, """() => {
      const width = document.documentElement.clientWidth, found = [];
      if (document.documentElement.scrollWidth <= width + 1) return found;
      for (const el of document.body.querySelectorAll('*')) {
        if (!__visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && ![...el.children].some(c => c.getBoundingClientRect().right > width + 1))
          found.push(`${__name(el)} reaches ${Math.round(r.right)} px, past the ${width} px screen`);
      }
      return found.length ? found.slice(0, 5)
        : [`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`];
    }""")


TEXT_SPACING = {"line-height": "1.5", "letter-spacing": "0.12em", "word-spacing": "0.16em"}  # and p: 2em below


def apply_text_spacing(page) -> None:
    """The spacing 1.4.12 asks a page to survive, set on each element (the site's Content-Security-Policy
    refuses a style sheet added to the page, not styles set from script)."""
    page.evaluate("""spacing => {
      for (const el of document.querySelectorAll('body, body *')) {
        for (const [name, value] of Object.entries(spacing)) el.style.setProperty(name, value, 'important');
        if (el.tagName === 'P') el.style.setProperty('margin-bottom', '2em', 'important');
      }
    }""", TEXT_SPACING)


def clipped_text(page) -> list[str]:
    """Text cut off by its box: an ellipsis, or overflow hidden with more text than room (1.4.12 with the
    spacing applied; 1.4.4 and 1.4.10 too)."""
    return _run(page, """() => {
      const found = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (!__visible(el) || !el.textContent.trim() || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
        const style = getComputedStyle(el);  // (a 1 px box is text for screen readers only)
        const hides = v => v === 'hidden' || v === 'clip';
        const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!ownText && style.textOverflow !== 'ellipsis') continue;
        // Only boxes that hide what overflows, where the text needs more room than the box gives it.
        const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (wide || tall)
          found.push(`${__name(el)} cuts off its text "${el.textContent.trim().slice(0, 40)}"`
                     + ` (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      }
      return found;
    }""")


def text_spacing(page) -> list[str]:
    """1.4.12 Text spacing: with the criterion's spacing, no text is cut off and nothing scrolls sideways."""
    apply_text_spacing(page)
    return clipped_text(page) + (reflow(page) if page.viewport_size["width"] <= 320 else [])


def _pixels(page, clip: dict) -> list[tuple[int, int, int]]:
    from io import BytesIO

    from PIL import Image

    data = Image.open(BytesIO(page.screenshot(clip=clip, animations="disabled", caret="hide"))).convert("RGB").tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3]))


def _luminance(rgb: tuple[int, int, int]) -> float:
    c = [v / 255 for v in rgb]
    c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def indicator_area(before: list, after: list) -> int:
    """How many pixels change between two pictures of the same place with at least 3:1 contrast: the part of a
    focus indicator a reader with low vision can see, whatever it is made of (outline, fill, underline)."""
    count = 0
    for a, b in zip(before, after):
        if a != b:
            la, lb = sorted((_luminance(a), _luminance(b)))
            count += (lb + 0.05) / (la + 0.05) >= 3
    return count


_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const name = __name(el) + (el.textContent.trim() ? ` ("${el.textContent.trim().slice(0, 30)}")` : '');
  // Not entirely hidden: some point of it is its own, not covered by another element, and on the screen.
  const points = [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5], [0.5, 0.1], [0.5, 0.9]].map(([x, y]) =>
    [r.left + r.width * x, r.top + r.height * y]).filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const own = points.some(([x, y]) => { const top = document.elementFromPoint(x, y);
    return top && (top === el || el.contains(top) || top.contains(el)); });
  const under = points.length ? document.elementFromPoint(...points[0]) : null;
  const look = [...el.closest('header, nav, main, footer, aside, .ch-crisis-bar, body').classList, el.tagName,
                ...el.classList, el.parentElement.tagName].join(' ');  // what styles its focus
  return {look, key: __name(el) + el.outerHTML.length + ':' + Math.round(r.top + scrollY) + ':' + Math.round(r.left),
          name, hidden: r.width > 0 && !own, under: under ? __name(under) : null,
          rect: {x: r.left, y: r.top, width: r.width, height: r.height}};
}"""


def focus(page, limit: int = 200) -> list[str]:
    """2.4.7 Focus visible and 2.4.11 Focus not obscured: Tab through every stop. Each must be on the screen
    and not hidden by anything (the sticky bar), and its focus indicator (the pixels that change when it
    takes focus, at 3:1 contrast or more against what they were) must be at least as large as a 1 px line
    round it; measured once for each kind of control in each part of the page, as the style sheet styles it."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    found, seen, looks, size = [], set(), set(), page.viewport_size
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = _run(page, _FOCUSED)
        if stop is None:
            if seen:
                break  # back to the start of the page
            continue
        if stop["key"] in seen:
            break
        seen.add(stop["key"])
        if stop["hidden"]:
            found.append(f"{stop['name']} is hidden when focused" + (f" (under {stop['under']})" if stop["under"]
                                                                      else " (off the screen)"))
            continue
        if stop["look"] in looks:
            continue  # the same kind of control in the same part of the page: its indicator is already measured
        looks.add(stop["look"])
        r = stop["rect"]
        x, y = max(r["x"] - 4, 0), max(r["y"] - 4, 0)
        clip = {"x": x, "y": y, "width": min(r["x"] + r["width"] + 4, size["width"]) - x,
                "height": min(r["y"] + r["height"] + 4, size["height"]) - y}
        if clip["width"] < 1 or clip["height"] < 1:
            continue
        focused = _pixels(page, clip)
        page.evaluate("() => document.activeElement.blur()")  # the next Tab still starts from it (HTML's
        unfocused = _pixels(page, clip)                        # "sequential focus navigation starting point")
        needed = 2 * (r["width"] + r["height"])
        if indicator_area(unfocused, focused) < needed:
            found.append(f"{stop['name']}'s focus indicator is too faint or too small: "
                         f"{indicator_area(unfocused, focused)} pixels change at 3:1 contrast, {round(needed)} needed")
    if not seen:
        found.append("Tab reaches nothing on the page")
    return found


def target_size(page) -> list[str]:
    """2.5.8 Target size (minimum): every control is at least 24 by 24 px, or a 24 px circle on it touches no
    other target's circle; links inside a sentence are exempt, as the criterion says."""
    return _run(page, """() => {
      const targets = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button]')]
        .filter(el => __visible(el) && getComputedStyle(el).pointerEvents !== 'none');
      const inSentence = el => {
        if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
        const block = el.closest('p, li, td, dd, dt, figcaption, blockquote');
        return block && block.textContent.trim().length > el.textContent.trim().length + 2;
      };
      const boxes = targets.map(el => ({el, r: el.getBoundingClientRect()}));
      const found = [];
      for (const {el, r} of boxes) {
        if ((r.width >= 24 && r.height >= 24) || inSentence(el)) continue;
        const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
        const near = boxes.find(o => o.el !== el && !o.el.contains(el) && !el.contains(o.el)
          && Math.hypot(Math.max(o.r.left - cx, 0, cx - o.r.right), Math.max(o.r.top - cy, 0, cy - o.r.bottom)) < 12);
        if (near) found.push(`${__name(el)} is ${Math.round(r.width)}x${Math.round(r.height)} px and `
                             + `${__name(near.el)} is within its 24 px circle`);
      }
      return found;
    }""")


def hover_content(page) -> list[str]:
    """1.4.13 Content on hover or focus: anything that appears when a control is hovered stays while the pointer
    is on it and goes with Escape. (The browser's own tooltip for a title is exempt.) One control of each kind
    (tag and classes, where it sits) is hovered: what appears on hover is the style sheet's or a script's doing."""
    found = []
    page.mouse.move(0, 0)  # nothing hovered while what is hidden is listed
    count = _run(page, """() => {
      const seen = new Set();
      window.__hover = [...document.querySelectorAll('a[href], button, summary, abbr, [title], [aria-describedby]')]
        .filter(el => { const look = [el.tagName, ...el.classList, el.parentElement.tagName].join(' ');
                        return __visible(el) && !seen.has(look) && seen.add(look); });
      window.__hidden = [...document.body.querySelectorAll('*')].filter(el => !__visible(el));
      window.__added = [];
      new MutationObserver(changes => changes.forEach(c => window.__added.push(...c.addedNodes)))
        .observe(document.body, {childList: true, subtree: true});
      return window.__hover.length;
    }""")
    shown = """() => { const now = window.__hidden.concat(window.__added.filter(n => n.nodeType === 1)).filter(__visible);
                       return now.filter(el => !now.includes(el.parentElement)); }"""
    for i in range(count):
        page.mouse.move(0, 0)
        target = page.evaluate_handle("i => window.__hover[i]", i).as_element()
        try:
            target.hover(timeout=1000)
        except Exception:  # noqa: BLE001  (covered or moved while scrolling: there is nothing to hover)
            continue
        appeared = page.evaluate(f"() => ({shown})().map(el => __name(el))")
        if not appeared:
            continue
        page.keyboard.press("Escape")
        if page.evaluate(f"() => ({shown})().length"):
            name = page.evaluate("i => __name(window.__hover[i])", i)
            found.append(f"hovering {name} shows {appeared[0]}, which Escape does not hide")
    return found


def orientation(page) -> list[str]:
    """1.3.4 Orientation: the page works both ways up: its content is shown, not turned, nothing sideways."""
    return _run(page, """() => {
      const found = [], main = document.querySelector('main') || document.body;
      if (!__visible(main)) found.push('the main content is hidden');
      for (const el of [document.documentElement, document.body, main]) {
        const t = getComputedStyle(el).transform;
        if (t && t !== 'none') found.push(`${__name(el)} is turned or moved (${t})`);
      }
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
        found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);
      return found;
    }""")


def forced_colours(page, with_focus: bool = True) -> list[str]:
    """Windows high contrast (forced colours): backgrounds and shadows are replaced, so every form control and
    button needs a border to be seen, and the focus indicator must be an outline, not a shadow or a colour."""
    found = _run(page, """() => {
      const found = [];
      for (const el of document.querySelectorAll('button, input:not([type=hidden]), select, textarea, .md-button')) {
        if (!__visible(el)) continue;
        const s = getComputedStyle(el);
        const edge = ['Top', 'Right', 'Bottom', 'Left'].some(side =>
          s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) > 0);
        const text = el.textContent.trim() || el.value || '';
        if (!edge && !text) found.push(`${__name(el)} has no border and no text: it disappears in high contrast`);
      }
      return found;
    }""")
    return found + ([p for p in focus(page, limit=60) if "focus indicator" in p] if with_focus else [])


def print_layout(page) -> list[str]:
    """Print: on an A4 page the content is all there, fits the paper's width and is dark on white; the parts
    of the screen that do nothing on paper (search, menus) are not printed."""
    page.emulate_media(media="print")
    try:
        return _run(page, """() => {
          const found = [], main = document.querySelector('main');
          if (!main || !__visible(main)) found.push('the main content is not printed');
          const width = document.documentElement.clientWidth;
          for (const el of (main ? main.querySelectorAll('*') : [])) {
            if (__visible(el) && el.getBoundingClientRect().right > width + 1
                && ![...el.children].some(c => __visible(c) && c.getBoundingClientRect().right > width + 1))
              found.push(`${__name(el)} runs off the paper (${Math.round(el.getBoundingClientRect().right)} px of ${width})`);
          }
          for (const el of document.querySelectorAll('form[role=search], .md-search, .md-sidebar, .md-tabs')) {
            if (__visible(el)) found.push(`${__name(el)} is printed but does nothing on paper`);
          }
          const text = getComputedStyle(main || document.body).color, paper = getComputedStyle(document.body).backgroundColor;
          const dark = rgb => rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) < 3 * 100;
          if (!dark(text)) found.push(`the text prints in ${text}, not a dark colour`);
          if (paper.match(/[\\d.]+/g).length === 3 && dark(paper)) found.push(`the page prints on ${paper}`);
          return found.slice(0, 8);
        }""")
    finally:
        page.emulate_media(media="screen")
