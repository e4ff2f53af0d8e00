// Text a sighted reader cannot read because something is drawn on top of it.
// Run in the page (tests/support/looks.py) with the window as tall as the page, at scroll 0: every line is in
// view and the sticky bars sit where they belong. Returns one line per covered piece of text.
//
// For each visible text node, points along the middle of each of its lines (inside whatever clips it:
// clipped text is another check's business) are hit-tested. Going down the stack at that point, the first
// element that paints something (a background, a border, a picture, a control or text of its own) before the
// text's own element or one of its ancestors is reached covers the text. Boxes that paint nothing (a
// transparent wrapper) are looked through. Positioned ::before and ::after boxes are not in the hit-test's
// stack, so their boxes are worked out from their computed position and checked against the same points.
() => {
  const found = [];
  const styles = new Map();  // each element's computed style, read once
  const styleOf = (element) => {
    if (!styles.has(element)) styles.set(element, getComputedStyle(element));
    return styles.get(element);
  };
  const describe = (element) => {
    let name = element.tagName.toLowerCase();
    if (element.id) name += "#" + element.id;
    if (typeof element.className === "string" && element.className.trim())
      name += "." + element.className.trim().split(/\s+/).slice(0, 2).join(".");
    return name;
  };
  const transparent = (colour) => !colour || colour === "transparent" || /rgba\(.*,\s*0\)$/.test(colour);
  const REPLACED = new Set(["IMG", "VIDEO", "CANVAS", "INPUT", "SELECT", "TEXTAREA", "BUTTON", "IFRAME", "OBJECT"]);

  // Whether an element puts anything on the screen at (x, y): its box's paint, or text of its own there.
  const paintsAt = (element, x, y) => {
    const style = styleOf(element);
    if (parseFloat(style.opacity) === 0) return false;
    if (REPLACED.has(element.tagName) || element instanceof SVGElement) return true;
    if (!transparent(style.backgroundColor) || style.backgroundImage !== "none") return true;
    if (style.boxShadow !== "none") return true;
    const box = element.getBoundingClientRect();
    const edges = [["Top", y - box.top], ["Bottom", box.bottom - y], ["Left", x - box.left], ["Right", box.right - x]];
    for (const [side, distance] of edges) {
      const width = parseFloat(style["border" + side + "Width"]);
      if (width > 0 && style["border" + side + "Style"] !== "none" && distance <= width &&
          !transparent(style["border" + side + "Color"])) return true;
    }
    for (const child of element.childNodes) {
      if (child.nodeType !== Node.TEXT_NODE || !child.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(child);
      for (const r of range.getClientRects())
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
    }
    return false;
  };

  // The part of a line not clipped away by an ancestor's overflow (or null when nothing of it shows).
  const unclipped = (element, rect) => {
    let { left, top, right, bottom } = rect;
    for (let e = element; e && e !== document.documentElement; e = e.parentElement) {
      const style = styleOf(e);
      if (style.overflowX === "visible" && style.overflowY === "visible" && style.clipPath === "none") continue;
      const box = e.getBoundingClientRect();
      if (style.clipPath !== "none" && box.width <= 2 && box.height <= 2) return null;  // visually hidden
      if (style.overflowX !== "visible") { left = Math.max(left, box.left); right = Math.min(right, box.right); }
      if (style.overflowY !== "visible") { top = Math.max(top, box.top); bottom = Math.min(bottom, box.bottom); }
    }
    return right - left >= 2 && bottom - top >= 2 ? { left, top, right, bottom } : null;
  };

  // Boxes drawn by absolutely positioned ::before / ::after, in the viewport's coordinates.
  const pseudoBoxes = [];
  for (const element of document.body.querySelectorAll("*")) {
    for (const which of ["::before", "::after"]) {
      const style = getComputedStyle(element, which);
      if (style.content === "none" || style.content === "normal" || style.display === "none") continue;
      if (style.position !== "absolute" && style.position !== "fixed") continue;
      if (parseInt(style.zIndex, 10) < 0 || style.visibility !== "visible" || parseFloat(style.opacity) === 0) continue;
      const paints = !transparent(style.backgroundColor) || style.backgroundImage !== "none" ||
        style.content.replace(/^["']|["']$/g, "").trim() !== "";
      if (!paints || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const width = parseFloat(style.width), height = parseFloat(style.height);
      if (!(width > 0 && height > 0)) continue;
      let block = element;  // the containing block: the element itself when positioned, else its positioned ancestor
      if (style.position === "absolute")
        while (block.parentElement && styleOf(block).position === "static") block = block.parentElement;
      const outer = style.position === "fixed" ? { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
        : block.getBoundingClientRect();
      const blockStyle = styleOf(block);
      const inLeft = outer.left + (style.position === "fixed" ? 0 : parseFloat(blockStyle.borderLeftWidth));
      const inTop = outer.top + (style.position === "fixed" ? 0 : parseFloat(blockStyle.borderTopWidth));
      const inRight = outer.right - (style.position === "fixed" ? 0 : parseFloat(blockStyle.borderRightWidth));
      const inBottom = outer.bottom - (style.position === "fixed" ? 0 : parseFloat(blockStyle.borderBottomWidth));
      const left = style.left !== "auto" ? inLeft + parseFloat(style.left) + parseFloat(style.marginLeft)
        : style.right !== "auto" ? inRight - parseFloat(style.right) - parseFloat(style.marginRight) - width : NaN;
      const top = style.top !== "auto" ? inTop + parseFloat(style.top) + parseFloat(style.marginTop)
        : style.bottom !== "auto" ? inBottom - parseFloat(style.bottom) - parseFloat(style.marginBottom) - height : NaN;
      if (Number.isNaN(left) || Number.isNaN(top)) continue;  // placed where it would flow: not over anything
      pseudoBoxes.push({ owner: element, which, left, top, right: left + width, bottom: top + height });
    }
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    const own = node.parentElement;
    if (!text || !own || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(own.tagName)) continue;
    if (!own.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (parseFloat(styleOf(own).fontSize) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const coverers = new Set();
    for (const line of range.getClientRects()) {
      const shown = unclipped(own, line);
      if (!shown) continue;
      const y = (shown.top + shown.bottom) / 2;
      // Points a line's height apart (at most 16 px): anything as big as a letter is found.
      const step = Math.min(16, shown.bottom - shown.top);
      const inset = Math.min(2, (shown.right - shown.left) / 4);
      const xs = [];
      for (let x = shown.left + inset; x < shown.right - inset; x += step) xs.push(x);
      xs.push(shown.right - inset);
      for (const x of xs) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const top = document.elementFromPoint(x, y);
        if (top && top !== own && !top.contains(own)) for (const element of document.elementsFromPoint(x, y)) {
          if (element === own || element.contains(own)) break;  // the text itself, or what it is drawn on
          if (paintsAt(element, x, y)) { coverers.add(describe(element)); break; }
        }
        for (const box of pseudoBoxes)
          if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) coverers.add(describe(box.owner) + box.which);
      }
    }
    if (coverers.size)
      found.push(`"${text.slice(0, 60)}" (${describe(own)}) is covered by ${[...coverers].join(", ")}`);
  }
  return found;
}
