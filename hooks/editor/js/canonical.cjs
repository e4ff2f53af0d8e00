// Writes files the way the editor saves them, with the same packages (decap-cms-core's formats/yaml.js and
// formats/frontmatter.js, repeated here: they are not importable from Node). Used by `make tidy` and the tests.
// Usage: node canonical.cjs [--write] [--order=KEY,...] [--tree=JSON] FILE... ; prints {file: text} as JSON.
// Pages, as Decap writes Markdown: parse the front matter (YAML 1.2, a custom !timestamp tag), Immutable.fromJS
// then toJS (the CMS keeps an entry as an Immutable Map), yaml.createNode, top-level keys sorted by the
// collection's field order (--order), Document.toString(), through gray-matter. Data files, as format.js writes
// them: the same, with every record's keys in its model's order (--tree, order.js).
'use strict';
const fs = require('fs');
const path = require('path');
const core = path.dirname(require.resolve('decap-cms-core/package.json'));
const need = name => require(require.resolve(name, { paths: [core] }));
const yaml = need('yaml');
const { fromJS } = need('immutable');
const matter = need('gray-matter');
const { ordered, timestampTag } = require('./order.js');


function parseYaml(text) {
  const doc = yaml.parseDocument(text, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length) throw new Error(doc.errors.map(e => e.message).join('\n'));
  return doc.toJSON();
}

function sortKeys(order) {
  return (a, b) => {
    const ia = order.indexOf(a.key && a.key.toString()), ib = order.indexOf(b.key && b.key.toString());
    if (ia === -1 || ib === -1) return 0;
    return ia > ib ? 1 : ia < ib ? -1 : 0;
  };
}

function yamlText(data, order) {
  const contents = yaml.createNode(data);
  contents.items.sort(sortKeys(order));
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}


const engines = { yaml: { parse: parseYaml, stringify: (meta, opts) => yamlText(meta, (opts || {}).sortedKeys || []) } };

function canonical(file, order, tree) {
  const text = fs.readFileSync(file, 'utf8');
  let out;
  if (file.endsWith('.md')) {
    const parsed = matter(text, { engines, language: 'yaml', delimiters: '---' });
    const data = fromJS({ ...parsed.data, ...(parsed.content.trim() && { body: parsed.content }) }).toJS();
    const { body = '', ...fields } = data;
    const meta = tree ? ordered(fields, tree) : fields;  // a page's sources in the model's order, as format.js writes
    out = matter.stringify(body, meta, { engines, sortedKeys: order, language: 'yaml', delimiters: '---' });
    if (body.slice(-1) !== '\n' && out.slice(-1) === '\n') out = out.slice(0, -1);
  } else if (tree) {  // a data file: the editor's "yaml-ordered" format (format.js)
    out = yamlText(ordered(fromJS(parseYaml(text)).toJS(), tree), []);
  } else {
    out = yamlText(fromJS(parseYaml(text)).toJS(), order);
  }
  return out.slice(-1) === '\n' ? out : out + '\n';
}

const args = process.argv.slice(2);
const write = args[0] === '--write';
const orderArg = args.find(a => a.startsWith('--order='));
const order = orderArg ? orderArg.slice(8).split(',') : [];
const treeArg = args.find(a => a.startsWith('--tree='));
const tree = treeArg ? JSON.parse(treeArg.slice(7)) : null;
const result = {};
for (const file of args.filter(a => !a.startsWith('--'))) {
  result[file] = canonical(file, order, tree);
  if (write) fs.writeFileSync(file, result[file]);
}
process.stdout.write(JSON.stringify(result));
