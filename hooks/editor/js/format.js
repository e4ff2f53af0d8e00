// The editor's file formats, then the CMS is started. "yaml-ordered", the data files': Decap CMS's own YAML
// format (the `yaml` 1.x package, YAML 1.2, the same !timestamp tag), writing each record's keys in its model's
// order (order.js, order.json) instead of the order the CMS happened to hold them in. "page-frontmatter", the
// pages' for Sveltia CMS (the published editor): Decap's Markdown front matter as gray-matter writes it (keys in
// the form's order, text folded at 80 characters), so both editors save a page in the same style and a save
// changes only the lines an editor changed. canonical.cjs writes files the same way (make tidy).
import { YAML } from './yaml/index.js';

const { ordered, timestampTag } = window.CarersHubOrder;

const order = await (await fetch('order.json')).json();

function parse(content) {
  const doc = YAML.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`YAML parsing error:\n${doc.errors.map(e => e.message).join('\n')}`);
  return doc.toJSON();
}

function yamlText(data, keys) {
  // Top-level keys in `keys`' order, any others where they were (Decap's frontmatter sortedKeys, a stable sort).
  const doc = new YAML.Document();
  doc.contents = YAML.createNode(data);
  doc.contents.items.sort((a, b) => {
    const ia = keys.indexOf(String(a.key)), ib = keys.indexOf(String(b.key));
    return ia === -1 || ib === -1 ? 0 : ia - ib;
  });
  return doc.toString();
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;  // gray-matter's front matter, between two --- lines

window.CMS.registerCustomFormat('yaml-ordered', 'yaml', {
  fromFile: parse,
  toFile(data) {
    const doc = new YAML.Document();
    doc.contents = YAML.createNode(ordered(data, order));
    return doc.toString();
  },
});
window.CMS.registerCustomFormat('page-frontmatter', 'md', {
  fromFile(content) {
    const found = FENCE.exec(content);
    if (!found) return { body: content };
    const body = content.slice(found[0].length).replace(/^\r?\n/, '');  // the blank line after it: ours
    return { ...parse(found[1]), ...(body.trim() && { body }) };
  },
  toFile(data) {
    const { body = '', ...meta } = data;
    // Sveltia writes a yes/no left at "no" (exit_this_page: false); Decap leaves it out, and so does the build's
    // model (its default), so the file keeps only what an editor set.
    order.page_off.forEach(name => { if (meta[name] === false) delete meta[name]; });
    const text = `---\n${yamlText(ordered(meta, order.page_tree), order.page).trim()}\n---\n\n${body.replace(/^(\r?\n)+/, '')}`;
    return text.endsWith('\n') ? text : `${text}\n`;
  },
});
// The site's own stylesheets for the preview of a page (page.py names them on this script's tag).
const styles = document.querySelector('script[data-preview-styles]');
(styles ? styles.dataset.previewStyles.split(' ').filter(Boolean) : []).forEach(url => {
  if (window.CMS.registerPreviewStyle) window.CMS.registerPreviewStyle(url);
});
window.CMS.init();
