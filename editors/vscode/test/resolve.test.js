'use strict';
// The binary resolution, on real files in a temporary folder (no VS Code).
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { resolveServer, expand } = require('../src/resolve');

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-vscode-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function program(file, mode = 0o755) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
}

const posix = (dir, extra = {}) => ({ platform: 'linux', home: path.join(dir, 'home'), env: { PATH: '' }, ...extra });

test('the configured path wins, with ~ and ${workspaceFolder} expanded', (t) => {
  const dir = scratch(t);
  const workspace = path.join(dir, 'repo');
  const mine = program(path.join(workspace, 'tools', 'planlint'));
  program(path.join(workspace, '.venv', 'bin', 'planlint'));
  const found = resolveServer(posix(dir, { configuredPath: '${workspaceFolder}/tools/planlint', workspaceFolders: [workspace] }));
  assert.deepStrictEqual(found, { command: mine, source: 'the setting planlint.path' });
  const relative = resolveServer(posix(dir, { configuredPath: 'tools/planlint', workspaceFolders: [workspace] }));
  assert.strictEqual(relative.command, mine);
  const home = program(path.join(dir, 'home', 'bin', 'planlint'));
  assert.strictEqual(resolveServer(posix(dir, { configuredPath: '~/bin/planlint' })).command, home);
});

test('a configured path that does not work is said, never replaced by another planlint', (t) => {
  const dir = scratch(t);
  const onPath = path.join(dir, 'usr-bin');
  program(path.join(onPath, 'planlint'));
  const found = resolveServer(posix(dir, { configuredPath: '/nowhere/planlint', env: { PATH: onPath } }));
  assert.match(found.error, /planlint\.path is set to "\/nowhere\/planlint", but \/nowhere\/planlint is not a program/);
  assert.match(found.hint, /clear it/);
  assert.strictEqual(found.command, undefined);
});

test("a file that may not be run is skipped: the workspace's venv, then PATH", (t) => {
  const dir = scratch(t);
  const workspace = path.join(dir, 'repo');
  program(path.join(workspace, '.venv', 'bin', 'planlint'), 0o644);
  const onPath = program(path.join(dir, 'usr-bin', 'planlint'));
  fs.mkdirSync(path.join(dir, 'dir-bin', 'planlint'), { recursive: true }); // a folder named planlint
  const found = resolveServer(posix(dir, { workspaceFolders: [workspace], env: { PATH: `${path.join(dir, 'dir-bin')}::${path.join(dir, 'usr-bin')}` } }));
  assert.deepStrictEqual(found, { command: onPath, source: 'PATH' });
});

test("the Python package's binary comes before PATH: venv, the Python extension's interpreter, pipx", (t) => {
  const dir = scratch(t);
  const workspace = path.join(dir, 'repo');
  const onPath = program(path.join(dir, 'usr-bin', 'planlint'));
  const env = { PATH: path.dirname(onPath) };

  const pipx = program(path.join(dir, 'home', '.local', 'bin', 'planlint'));
  assert.deepStrictEqual(resolveServer(posix(dir, { workspaceFolders: [workspace], env })),
    { command: pipx, source: 'the planlint Python package' });

  const interpreter = path.join(dir, 'conda', 'envs', 'plans', 'bin', 'python');
  const conda = program(path.join(path.dirname(interpreter), 'planlint'));
  assert.strictEqual(resolveServer(posix(dir, { workspaceFolders: [workspace], env, pythonInterpreter: interpreter })).command, conda);

  const venv = program(path.join(workspace, 'venv', 'bin', 'planlint'));
  assert.strictEqual(resolveServer(posix(dir, { workspaceFolders: [workspace], env, pythonInterpreter: interpreter })).command, venv);
  const dotVenv = program(path.join(workspace, '.venv', 'bin', 'planlint'));
  assert.strictEqual(resolveServer(posix(dir, { workspaceFolders: [workspace], env })).command, dotVenv);
});

test('PIPX_BIN_DIR moves pipx\'s folder', (t) => {
  const dir = scratch(t);
  const pipx = program(path.join(dir, 'pipx-bin', 'planlint'));
  const found = resolveServer(posix(dir, { env: { PATH: '', PIPX_BIN_DIR: path.join(dir, 'pipx-bin') } }));
  assert.strictEqual(found.command, pipx);
});

test('nothing found: a message naming where it looked, and how to install', (t) => {
  const dir = scratch(t);
  const found = resolveServer(posix(dir, { workspaceFolders: [path.join(dir, 'repo')], env: { PATH: path.join(dir, 'empty') } }));
  assert.match(found.error, /planlint was not found: not set in planlint\.path, not installed with pip .*not on PATH/);
  assert.match(found.hint, /pipx install planlint/);
  assert.match(found.hint, /planlint\.path/);
});

test('Windows: planlint.exe in Scripts\\ and PATH split on ;', () => {
  const seen = [];
  const isUsable = (file) => { seen.push(file); return file === 'C:\\tools\\planlint.exe'; };
  const found = resolveServer({
    platform: 'win32', home: 'C:\\Users\\li', workspaceFolders: ['C:\\plans'],
    env: { Path: 'C:\\Windows;"C:\\tools"', APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, isUsable,
  });
  assert.deepStrictEqual(found, { command: 'C:\\tools\\planlint.exe', source: 'PATH' });
  assert.ok(seen.includes('C:\\plans\\.venv\\Scripts\\planlint.exe'), seen.join('\n'));
  assert.ok(seen.includes('C:\\Users\\li\\.local\\bin\\planlint.exe'), seen.join('\n'));
  assert.ok(seen.includes('C:\\Users\\li\\AppData\\Roaming\\Python\\Python312\\Scripts\\planlint.exe'), seen.join('\n'));
  assert.strictEqual(expand('~\\bin\\planlint.exe', 'C:\\plans', 'C:\\Users\\li', path.win32), 'C:\\Users\\li\\bin\\planlint.exe');
});

test("an untrusted folder's own .venv and interpreter are never run", (t) => {
  const dir = scratch(t);
  const workspace = path.join(dir, 'repo');
  program(path.join(workspace, '.venv', 'bin', 'planlint')); // committed by whoever opened the pull request
  const interpreter = path.join(workspace, 'tools', 'python');
  program(path.join(workspace, 'tools', 'planlint'));
  const onPath = program(path.join(dir, 'usr-bin', 'planlint'));
  const options = posix(dir, { workspaceFolders: [workspace], pythonInterpreter: interpreter, env: { PATH: path.dirname(onPath) } });
  assert.deepStrictEqual(resolveServer({ ...options, trusted: false }), { command: onPath, source: 'PATH' });
  assert.strictEqual(resolveServer(options).command, path.join(workspace, '.venv', 'bin', 'planlint'));
});
