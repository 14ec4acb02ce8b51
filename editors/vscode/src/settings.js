'use strict';
// The settings turned into what the language client needs, without VS Code
// (tested in test/settings.test.js).

const LANGUAGES = ['en', 'zh-CN'];

/** The locale sent in `initialize`: the setting, or VS Code's own language for "auto". */
function localeFor(setting, editorLanguage) {
  if (LANGUAGES.includes(setting)) {
    return setting;
  }
  return editorLanguage || 'en';
}

/** The documents planlint serves: plans, and the configs that change how they are checked.
 * (The server registers its own file watchers for configs and rule packs.) */
const DOCUMENT_SELECTOR = [
  { language: 'yaml', pattern: '**/*.plan.{yaml,yml}' },
  { language: 'json', pattern: '**/*.plan.json' },
  { language: 'yaml', pattern: '**/.planlint.{yaml,yml}' },
];

/** Whether a file is one planlint serves (the selector above, by name). */
function servesFile(fileName) {
  const name = fileName.split(/[\\/]/).pop();
  return /\.plan\.(ya?ml|json)$/.test(name) || name === '.planlint.yaml' || name === '.planlint.yml';
}

/** How to start the server: `planlint lsp` on stdio. */
function serverOptions(command) {
  return { command, args: ['lsp'], options: { env: process.env } };
}

module.exports = { localeFor, serverOptions, servesFile, DOCUMENT_SELECTOR, LANGUAGES };
