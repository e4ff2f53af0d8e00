// The data files' format in the editor, "yaml-ordered": Decap CMS's own YAML format (the `yaml` 1.x package,
// YAML 1.2, the same !timestamp tag), writing each record's keys in its model's order (order.js, order.json)
// instead of the order the CMS happened to hold them in. canonical.cjs writes files the same way.
import { YAML } from './yaml/index.js';

const { ordered, timestampTag } = window.CarersHubOrder;

const order = await (await fetch('order.json')).json();
window.CMS.registerCustomFormat('yaml-ordered', 'yaml', {
  fromFile(content) {
    const doc = YAML.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
    if (doc.errors.length > 0) throw new Error(`YAML parsing error:\n${doc.errors.map(e => e.message).join('\n')}`);
    return doc.toJSON();
  },
  toFile(data) {
    const doc = new YAML.Document();
    doc.contents = YAML.createNode(ordered(data, order));
    return doc.toString();
  },
});
window.CMS.init();
