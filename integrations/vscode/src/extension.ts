// The newslint extension: starts `newslint lsp` for plain-text, Markdown and
// HTML documents and lets VS Code's language client do the rest
// (diagnostics, quick fixes, hover on names).
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("newslint").get<string>("path", "newslint");
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "html" },
    ],
    synchronize: {
      // newslint reloads its configuration when one of these changes.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{newslint.toml,.newslint.toml}"),
    },
  };
  client = new LanguageClient("newslint", "newslint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
