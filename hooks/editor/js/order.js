// The editor's YAML, shared by the browser (format.js) and Node (canonical.cjs). Key order: each record's keys in its model's field order (admin/order.json, made by
// the build from hooks/data models), so a file reads the same however the CMS held it in memory (an
// Immutable.js Map keeps insertion order only up to 8 keys). Used in the browser (format.js) and in Node
// (canonical.cjs), so both write the same bytes.
(function (exports) {
  'use strict';
  function ordered(value, tree) {
    if (Array.isArray(value)) return value.map(item => ordered(item, tree));
    if (!value || typeof value !== 'object' || value instanceof Date || !tree) return value;
    const keys = tree.keys || [];
    const names = Object.keys(value);
    const known = keys.filter(name => names.includes(name));
    const out = {};
    for (const name of [...known, ...names.filter(name => !keys.includes(name))]) {
      out[name] = ordered(value[name], (tree.children || {})[name]);
    }
    return out;
  }
  exports.ordered = ordered;
  // Decap's YAML format reads and writes a moment (2026-11-20T09:30:00Z) with this tag (formats/yaml.js).
  exports.timestampTag = {
    identify: value => value instanceof Date,
    default: true,
    tag: '!timestamp',
    test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
    resolve: str => new Date(str),
    stringify: value => value.toISOString(),
  };
})(typeof module === 'object' && module.exports ? module.exports : (window.CarersHubOrder = {}));
