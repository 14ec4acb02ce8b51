'use strict';
// The VS Code side: find planlint, start `planlint lsp`, restart it when
// its settings change. What can be decided without VS Code lives in
// resolve.js and settings.js.

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { resolveServer, INSTALL_DOCS } = require('./resolve');
const { localeFor, serverOptions, servesFile, DOCUMENT_SELECTOR } = require('./settings');

let client;
let output;
let wanted = false; // a plan is open: planlint should run (even if it could not start)

/** Sets the `locale` of `initialize` from planlint.language. */
class LocaleFeature {
  fillClientCapabilities() {}
  fillInitializeParams(params) {
    params.locale = localeFor(vscode.workspace.getConfiguration('planlint').get('language'), vscode.env.language);
  }
  initialize() {}
  getState() {
    return { kind: 'static' };
  }
  dispose() {}
}

function findServer() {
  const settings = vscode.workspace.getConfiguration('planlint');
  return resolveServer({
    configuredPath: settings.get('path'),
    workspaceFolders: (vscode.workspace.workspaceFolders || []).map((folder) => folder.uri.fsPath),
    pythonInterpreter: vscode.workspace.getConfiguration('python').get('defaultInterpreterPath'),
    trusted: vscode.workspace.isTrusted !== false,
  });
}

async function start() {
  wanted = true;
  const found = findServer();
  if (found.error) {
    output.appendLine(`${found.error} ${found.hint}`);
    const choice = await vscode.window.showErrorMessage(
      `${found.error} ${found.hint}`,
      'Install guide',
      'Open settings',
    );
    if (choice === 'Install guide') {
      vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS));
    } else if (choice === 'Open settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'planlint.path');
    }
    return;
  }
  output.appendLine(`Starting ${found.command} lsp (from ${found.source}).`);
  const run = serverOptions(found.command);
  client = new LanguageClient('planlint', 'planlint', { run, debug: run }, {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
  });
  client.registerFeature(new LocaleFeature());
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(`planlint lsp (${found.command}) did not start: ${error.message || error}`);
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop().catch(() => undefined);
  }
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('planlint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('planlint.restartServer', restart),
    vscode.commands.registerCommand('planlint.showOutput', () => output.show()),
    // Trusting the folder lets its own .venv's planlint be used.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (wanted) {
        restart();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      const ours = event.affectsConfiguration('planlint.path') || event.affectsConfiguration('planlint.language');
      if (ours && wanted) {
        restart();
      }
    }),
  );
  // Activated by any YAML or JSON file (a single plan opened without a
  // folder too), but planlint is started only once a plan or config is open:
  // someone editing other YAML is never asked to install it.
  const isPlan = (document) => document.uri.scheme === 'file' && servesFile(document.fileName);
  if (vscode.workspace.textDocuments.some(isPlan)) {
    await start();
    return;
  }
  const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isPlan(document)) {
      waiting.dispose();
      start();
    }
  });
  context.subscriptions.push(waiting);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
