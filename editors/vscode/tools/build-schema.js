'use strict';
// vscode:prepublish: writes schemas/plan.completion.schema.json from the
// repository's schemas/plan.schema.json (or PLANLINT_PLAN_SCHEMA), and the
// repository's licence files into the package.
const fs = require('fs');
const path = require('path');
const { completionSchema } = require('../src/schema');

const source = process.env.PLANLINT_PLAN_SCHEMA || path.join(__dirname, '..', '..', '..', 'schemas', 'plan.schema.json');
const target = path.join(__dirname, '..', 'schemas', 'plan.completion.schema.json');
if (!fs.existsSync(source)) {
  console.error(`build-schema: ${source} not found; set PLANLINT_PLAN_SCHEMA to planlint's schemas/plan.schema.json`);
  process.exit(1);
}
const schema = completionSchema(JSON.parse(fs.readFileSync(source, 'utf8')));
schema['$id'] = 'https://planlint.dev/schemas/plan.completion.schema.json';
schema.title = `${schema.title || 'planlint plan'} (completion only: planlint's language server reports the problems)`;
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
const repository = path.dirname(path.dirname(source));
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  const file = path.join(repository, licence);
  if (fs.existsSync(file)) {
    fs.copyFileSync(file, path.join(__dirname, '..', licence));
  }
}
console.log(`build-schema: wrote ${path.relative(process.cwd(), target)}`);
