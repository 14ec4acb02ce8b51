'use strict';
// extension.js wired to stand-ins for the `vscode` and language client
// modules (VS Code is not needed): what it starts, and what it says when
// there is no planlint.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

function load(settings, workspace, openFiles = [path.join(workspace, 'spring.plan.yaml')]) {
  const shown = [];
  const clients = [];
  const opened = [];
  const changed = [];
  const vscode = {
    workspace: {
      workspaceFolders: [{ uri: { fsPath: workspace } }],
      textDocuments: openFiles.map((fileName) => ({ fileName, uri: { scheme: 'file' } })),
      onDidOpenTextDocument: (listener) => { opened.push(listener); return { dispose() {} }; },
      getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }),
      onDidChangeConfiguration: (listener) => { changed.push(listener); return { dispose() {} }; },
      onDidGrantWorkspaceTrust: () => ({ dispose() {} }),
      isTrusted: settings.trusted !== false,
    },
    window: {
      createOutputChannel: () => ({ lines: [], appendLine(line) { this.lines.push(line); }, show() {}, dispose() {} }),
      showErrorMessage: async (...args) => { shown.push(args); return undefined; },
    },
    commands: { registerCommand: () => ({ dispose() {} }), executeCommand() {} },
    env: { language: 'zh-cn', openExternal() {} },
    Uri: { parse: (text) => text },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, features: [] });
      clients.push(this);
    }
    registerFeature(feature) { this.features.push(feature); }
    async start() {}
    async stop() {}
  }
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return { LanguageClient };
    return original.call(this, request, ...rest);
  };
  const file = require.resolve('../src/extension');
  delete require.cache[file];
  try {
    return { extension: require(file), shown, clients, opened, changed };
  } finally {
    Module._load = original;
  }
}

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-vscode-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('activation starts `planlint lsp` for plans, with the chosen locale', { skip: process.platform === 'win32' }, async (t) => {
  const dir = scratch(t);
  const binary = path.join(dir, '.venv', 'bin', 'planlint');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  const { extension, clients, shown } = load({ 'planlint.language': 'zh-CN' }, dir);
  await extension.activate({ subscriptions: [] });
  assert.deepStrictEqual(shown, []);
  assert.strictEqual(clients.length, 1);
  const [client] = clients;
  assert.strictEqual(client.id, 'planlint'); // so that planlint.trace.server applies
  assert.strictEqual(client.serverOptions.run.command, binary);
  assert.deepStrictEqual(client.serverOptions.run.args, ['lsp']);
  assert.ok(client.clientOptions.documentSelector.some((entry) => entry.pattern === '**/*.plan.{yaml,yml}'));
  const params = {};
  client.features[0].fillInitializeParams(params);
  assert.strictEqual(params.locale, 'zh-CN');
});

test('other YAML open: nothing starts, nothing is asked, until a plan is opened', { skip: process.platform === 'win32' }, async (t) => {
  const dir = scratch(t);
  const binary = path.join(dir, '.venv', 'bin', 'planlint');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  const { extension, clients, shown, opened } = load({}, dir, [path.join(dir, 'docker-compose.yaml')]);
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(clients.length, 0);
  opened[0]({ fileName: path.join(dir, 'k8s.yaml'), uri: { scheme: 'file' } });
  assert.strictEqual(clients.length, 0);
  opened[0]({ fileName: path.join(dir, 'q3.plan.json'), uri: { scheme: 'file' } });
  await new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(clients.length, 1);
  assert.deepStrictEqual(shown, []);
});

test('no planlint: an error message with the install guide, and no client', async (t) => {
  const dir = scratch(t);
  const saved = process.env.PATH;
  process.env.PATH = path.join(dir, 'empty');
  t.after(() => { process.env.PATH = saved; });
  const savedPipx = process.env.PIPX_BIN_DIR;
  process.env.PIPX_BIN_DIR = path.join(dir, 'no-pipx');
  t.after(() => { if (savedPipx === undefined) delete process.env.PIPX_BIN_DIR; else process.env.PIPX_BIN_DIR = savedPipx; });
  const settings = {};
  const { extension, clients, shown, changed } = load(settings, dir);
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(clients.length, 0);
  assert.strictEqual(shown.length, 1);
  // Setting planlint.path afterwards starts it, without a reload.
  const binary = path.join(dir, 'bin', 'planlint');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  settings['planlint.path'] = binary;
  changed[0]({ affectsConfiguration: (section) => section === 'planlint.path' });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.strictEqual(clients.length, 1);
  assert.strictEqual(clients[0].serverOptions.run.command, binary);
  const [message, ...buttons] = shown[0];
  assert.match(message, /planlint was not found/);
  assert.match(message, /pipx install planlint/);
  assert.deepStrictEqual(buttons, ['Install guide', 'Open settings']);
});
