// The editor's local backend (decap-server's file-system mode: each save writes the file in place), on the
// port the system chooses when none is given, so `make edit` and the tests never guess a free port.
// Usage: node local_server.cjs FOLDER [PORT]. Prints one line, "listening http://127.0.0.1:PORT/api/v1".
'use strict';
const path = require('path');
const [folder, port = '0'] = process.argv.slice(2);
process.env.GIT_REPO_DIRECTORY = path.resolve(folder);  // decap-server reads it when it registers (docs/developers)
const root = path.resolve(__dirname, '../../..');
const express = require(require.resolve('express', { paths: [path.join(root, 'node_modules/decap-server')] }));
const { registerLocalFs } = require(path.join(root, 'node_modules/decap-server/dist/middlewares'));

(async () => {
  const app = express();
  await registerLocalFs(app, { logLevel: process.env.LOG_LEVEL || 'warn' });
  const server = app.listen(Number(port), '127.0.0.1', () => {
    console.log(`listening http://127.0.0.1:${server.address().port}/api/v1`);
  });
})();
