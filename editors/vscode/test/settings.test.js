'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { localeFor, serverOptions, servesFile, DOCUMENT_SELECTOR } = require('../src/settings');
const { completionSchema } = require('../src/schema');

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

test('planlint.language picks the locale; auto follows VS Code', () => {
  assert.strictEqual(localeFor('zh-CN', 'en'), 'zh-CN');
  assert.strictEqual(localeFor('en', 'zh-cn'), 'en');
  assert.strictEqual(localeFor('auto', 'zh-cn'), 'zh-cn');
  assert.strictEqual(localeFor(undefined, undefined), 'en');
  assert.deepStrictEqual(manifest.contributes.configuration.properties['planlint.language'].enum, ['auto', 'en', 'zh-CN']);
});

test('the server is `planlint lsp` on stdio', () => {
  const options = serverOptions('/opt/planlint');
  assert.strictEqual(options.command, '/opt/planlint');
  assert.deepStrictEqual(options.args, ['lsp']);
  assert.strictEqual(options.transport, undefined); // stdio, the client's default
});

test('plans and configs are served, and the manifest registers the same files', () => {
  const patterns = DOCUMENT_SELECTOR.map((entry) => entry.pattern);
  assert.deepStrictEqual(patterns, ['**/*.plan.{yaml,yml}', '**/*.plan.json', '**/.planlint.{yaml,yml}']);
  const registered = manifest.contributes.languages.flatMap((language) => language.filenamePatterns);
  for (const name of ['*.plan.yaml', '*.plan.yml', '*.plan.json', '.planlint.yaml']) {
    assert.ok(registered.includes(name), name);
  }
  assert.deepStrictEqual(manifest.contributes.yamlValidation[0].fileMatch, ['*.plan.yaml', '*.plan.yml']);
  assert.strictEqual(manifest.contributes.yamlValidation[0].url, './schemas/plan.completion.schema.json');
  for (const setting of ['planlint.path', 'planlint.language', 'planlint.trace.server']) {
    assert.ok(manifest.contributes.configuration.properties[setting], setting);
  }
  assert.ok(manifest.activationEvents.some((event) => event.includes('*.plan.{yaml,yml,json}')));
  // A folder that is not trusted cannot choose the program that runs.
  assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['planlint.path']);
});

test('the schema the YAML extension gets completes but never validates', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'plan.schema.json'), 'utf8'));
  const relaxed = completionSchema(schema);
  const text = JSON.stringify(relaxed);
  for (const keyword of ['"required"', '"minimum"', '"pattern"', '"additionalProperties":false', '"enum"', '"oneOf"']) {
    assert.ok(!text.includes(keyword), keyword);
  }
  // What completion needs is all there: every property with its description.
  assert.deepStrictEqual(Object.keys(relaxed.properties), Object.keys(schema.properties));
  assert.strictEqual(relaxed.properties.name.description, schema.properties.name.description);
  // Enum values become examples, which the YAML extension offers.
  const small = completionSchema({ type: 'object', properties: { status: { type: 'string', enum: ['draft', 'approved'], description: 'd' }, type: { const: 'x' } }, required: ['status'], additionalProperties: false });
  assert.deepStrictEqual(small, { properties: { status: { examples: ['draft', 'approved'], description: 'd' }, type: { examples: ['x'] } } });
});

test('the files planlint serves, by name', () => {
  for (const name of ['/p/spring.plan.yaml', 'C:\\p\\q3.plan.yml', 'a.plan.json', '/p/.planlint.yaml', '.planlint.yml']) {
    assert.ok(servesFile(name), name);
  }
  for (const name of ['/p/docker-compose.yaml', '/p/plan.yaml', '/p/spring.plan.yaml.bak', '/p/package.json', 'x.planlint.yaml']) {
    assert.ok(!servesFile(name), name);
  }
});
