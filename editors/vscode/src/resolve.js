'use strict';
// Which planlint binary the extension starts, decided without VS Code so
// that it can be tested on its own (test/resolve.test.js): the configured
// path, else the one the Python package installed, else the first on PATH.

const fs = require('fs');
const os = require('os');
const path = require('path');

const INSTALL_DOCS = 'https://github.com/planlint/planlint/blob/main/docs/install.md';
const INSTALL_HINT =
  'Install planlint with `pipx install planlint` (or `pip install planlint`; no Rust needed), ' +
  'or see the install guide, or set `planlint.path` to the binary.';

/** The file name of the binary on this platform. */
function binaryName(platform) {
  return platform === 'win32' ? 'planlint.exe' : 'planlint';
}

/** `~`, `${workspaceFolder}` and `${userHome}` expanded; a relative path taken from the workspace. */
function expand(setting, workspaceFolder, home, pathApi) {
  let value = setting.trim();
  value = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder || '');
  value = value.replace(/\$\{userHome\}/g, home);
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    value = pathApi.join(home, value.slice(1));
  }
  if (!pathApi.isAbsolute(value) && workspaceFolder) {
    value = pathApi.join(workspaceFolder, value);
  }
  return value;
}

/**
 * Where the Python package (the planlint wheel) puts its binary, most
 * specific first: the workspace's virtual environments, the interpreter the
 * Python extension is told to use, pipx's folder, pip's --user folders.
 */
function pythonPackageCandidates({ workspaceFolders, pythonInterpreter, env, platform, home, pathApi, trusted = true }) {
  const name = binaryName(platform);
  const scripts = platform === 'win32' ? 'Scripts' : 'bin';
  const candidates = [];
  // A folder VS Code does not trust may have committed its own .venv/bin/planlint:
  // nothing from inside it is run, nor an interpreter its settings name.
  for (const folder of trusted ? workspaceFolders : []) {
    for (const venv of ['.venv', 'venv']) {
      candidates.push(pathApi.join(folder, venv, scripts, name));
    }
  }
  if (pythonInterpreter && trusted) {
    const interpreter = expand(pythonInterpreter, workspaceFolders[0], home, pathApi);
    if (pathApi.isAbsolute(interpreter)) {
      candidates.push(pathApi.join(pathApi.dirname(interpreter), name));
    }
  }
  candidates.push(pathApi.join(env.PIPX_BIN_DIR || pathApi.join(home, '.local', 'bin'), name));
  if (platform === 'win32' && env.APPDATA) {
    for (const version of ['313', '312', '311', '310', '39']) {
      candidates.push(pathApi.join(env.APPDATA, 'Python', `Python${version}`, 'Scripts', name));
    }
  }
  if (platform === 'darwin') {
    for (const version of ['3.13', '3.12', '3.11', '3.10', '3.9']) {
      candidates.push(pathApi.join(home, 'Library', 'Python', version, 'bin', name));
    }
  }
  return candidates;
}

/** The folders of PATH, each joined with the binary's name. */
function pathCandidates({ env, platform, pathApi }) {
  const value = env.PATH || env.Path || '';
  const separator = platform === 'win32' ? ';' : ':';
  return value
    .split(separator)
    .filter((folder) => folder.trim() !== '')
    .map((folder) => pathApi.join(folder.replace(/^"(.*)"$/, '$1'), binaryName(platform)));
}

/** A regular file this user may run. */
function isExecutableFile(file, platform) {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The binary to start: `{ command, source }`, or `{ error, hint }` with a
 * message a person can act on. A configured path that does not work is an
 * error, never silently replaced by another planlint.
 */
function resolveServer(options) {
  const platform = options.platform || process.platform;
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const env = options.env || process.env;
  const home = options.home || os.homedir();
  const workspaceFolders = options.workspaceFolders || [];
  const isUsable = options.isUsable || ((file) => isExecutableFile(file, platform));
  const trusted = options.trusted !== false;
  const context = { workspaceFolders, pythonInterpreter: options.pythonInterpreter, env, platform, home, pathApi, trusted };

  const configured = (options.configuredPath || '').trim();
  if (configured) {
    const file = expand(configured, workspaceFolders[0], home, pathApi);
    if (isUsable(file)) {
      return { command: file, source: 'the setting planlint.path' };
    }
    return {
      error: `planlint.path is set to "${configured}", but ${file} is not a program this user can run.`,
      hint: 'Correct planlint.path, or clear it to use the planlint installed with pip or on PATH.',
    };
  }
  for (const file of pythonPackageCandidates(context)) {
    if (isUsable(file)) {
      return { command: file, source: 'the planlint Python package' };
    }
  }
  for (const file of pathCandidates(context)) {
    if (isUsable(file)) {
      return { command: file, source: 'PATH' };
    }
  }
  return {
    error: 'planlint was not found: not set in planlint.path, not installed with pip in this workspace or for this user, and not on PATH.',
    hint: INSTALL_HINT,
  };
}

module.exports = { resolveServer, pythonPackageCandidates, pathCandidates, expand, INSTALL_DOCS, INSTALL_HINT };
