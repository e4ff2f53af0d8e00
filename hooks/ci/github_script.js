// Stand-in for actions/github-script: runs the workflow's own script body against a `github` and `context` that
// keep pull-request comments in a JSON file instead of calling GitHub, and records each call it makes.
//   node github_script.js SCRIPT_FILE STORE_FILE CONTEXT_JSON
// STORE_FILE holds {"next_id": n, "comments": [{id, body, user: {type}}], "calls": [{call, ...}]}; the caller
// (hooks/ci/standins.py) reads it back. Runs with the workspace as its working folder, as the action does.
const fs = require('fs');
const [scriptFile, storeFile, contextJson] = process.argv.slice(2);
const store = fs.existsSync(storeFile) ? JSON.parse(fs.readFileSync(storeFile, 'utf8'))
  : { next_id: 1, comments: [], calls: [] };
const save = () => fs.writeFileSync(storeFile, JSON.stringify(store, null, 2));

const issues = {
  async listComments({ issue_number }) {
    store.calls.push({ call: 'listComments', issue_number });
    return { data: store.comments.filter(c => c.issue_number === issue_number) };
  },
  async createComment({ issue_number, body }) {
    const comment = { id: store.next_id++, issue_number, body, user: { type: 'Bot', login: 'github-actions[bot]' } };
    store.comments.push(comment);
    store.calls.push({ call: 'createComment', issue_number, comment_id: comment.id });
    return { data: comment };
  },
  async updateComment({ comment_id, body }) {
    const comment = store.comments.find(c => c.id === comment_id);
    if (!comment) throw new Error(`Not Found: comment ${comment_id}`);
    comment.body = body;
    store.calls.push({ call: 'updateComment', comment_id });
    return { data: comment };
  },
};
// github.paginate(method, params): every page's items; the stand-in has one page.
const github = { rest: { issues }, paginate: async (method, params) => (await method(params)).data };
const context = JSON.parse(contextJson);
const core = { info: console.log, warning: console.warn, setFailed: m => { console.error(m); process.exitCode = 1; } };

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const script = new AsyncFunction('require', 'github', 'context', 'core', fs.readFileSync(scriptFile, 'utf8'));
script(require, github, context, core)
  .then(() => save())
  .catch(error => { save(); console.error(error.stack || String(error)); process.exitCode = 1; });
