// aisec-language-server: the language server for any LSP client. Transport from the command line:
// `--stdio` (neovim, Helix, …; the default when none is given) or `--node-ipc` (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG, WorkspaceSession } from './engine';
import { realizeFix, suppressionEdit } from './edit';
import { startServer } from './lsp/server';

const transports = /^--(stdio|node-ipc|socket|pipe)\b/;
if (!process.argv.some((arg) => transports.test(arg))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);

// Last line of defence: an unexpected error is logged to the client's output, never a dead server.
process.on('uncaughtException', (error) => connection.console.error(`aisec: internal error: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`aisec: internal error: ${String(reason)}`));

startServer(connection, {
  createSession: ({ root, trusted, hasFile }) =>
    WorkspaceSession.create({
      root,
      config: trusted ? undefined : DEFAULT_CONFIG,
      // Files that are not loaded still exist (a generated template's `.bicep` source); none supplies links.
      outside: { links: new Map(), hasFile },
    }),
  edits: { realizeFix, suppressionEdit },
});
connection.listen();
