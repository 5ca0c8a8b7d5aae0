// End-to-end test of `newslint lsp` with VS Code's own protocol layer
// (vscode-jsonrpc and vscode-languageserver-protocol), driving the server
// over stdio as an editor does. Run: NEWSLINT=/path/to/newslint npm run test:lsp
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import * as rpc from "vscode-jsonrpc/node.js";
import {
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  CodeActionRequest,
  HoverRequest,
  ShutdownRequest,
  ExitNotification,
} from "vscode-languageserver-protocol";

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.NEWSLINT || "newslint";
const server = spawn(binary, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
const conn = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout),
  new rpc.StreamMessageWriter(server.stdin),
);

// Diagnostics as they arrive, by uri and version.
const published = [];
const waiters = [];
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  for (const w of [...waiters]) w();
});
conn.listen();

function diagnostics(uri, version, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), ms);
    const check = () => {
      const p = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (p) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        published.splice(published.indexOf(p), 1);
        resolve(p.diagnostics);
      }
    };
    waiters.push(check);
    check();
  });
}

// posOf: the LSP position (UTF-16, as JavaScript strings count) of
// index i of text.
function posOf(text, i) {
  const before = text.slice(0, i).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

let passed = 0;
async function test(name, f) {
  await f();
  passed++;
  console.log(`ok   ${name}`);
}

try {
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { general: { positionEncodings: ["utf-16"] } },
  });
  await conn.sendNotification(InitializedNotification.type, {});

  await test("initialize: UTF-16 positions, incremental sync, hover, quick fixes", () => {
    const caps = init.capabilities;
    assert.equal(caps.positionEncoding, "utf-16");
    assert.equal(caps.textDocumentSync.change, 2);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ["quickfix"]);
    assert.equal(init.serverInfo.name, "newslint");
  });

  const seedPath = join(here, "..", "..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt");
  if (existsSync(seedPath)) {
    const seed = readFileSync(seedPath, "utf8");
    const uri = "file:///articles/seed.txt";
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "plaintext", version: 1, text: seed },
    });
    await test("the seed: one quote-attribution diagnostic over “Andrei Kobyakov”", async () => {
      const d = await diagnostics(uri, 1);
      assert.equal(d.length, 1);
      assert.equal(d[0].code, "quote-attribution");
      assert.equal(d[0].source, "newslint");
      const i = seed.indexOf("Andrei Kobyakov");
      assert.deepEqual(d[0].range, { start: posOf(seed, i), end: posOf(seed, i + "Andrei Kobyakov".length) });
      assert.ok(d[0].relatedInformation.length > 0, "the reported speaker as related information");
    });
    await test("hover on “Lukashenko”: the entity and its mentions", async () => {
      const i = seed.indexOf("Lukashenko");
      const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(seed, i + 2) });
      assert.match(h.contents.value, /\*\*Alexander Lukashenko\*\*: person/);
      assert.match(h.contents.value, /Mentioned 6 times/);
      assert.match(h.contents.value, /the Belarus President/);
    });
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await diagnostics(uri);
  } else {
    console.log("skip the seed: ../shared/seeds is not here");
  }

  // An article of our own with a misspelt name after an emoji.
  let text = "Talks resume 😀\n\nPresident Ana Novak said on Monday that talks would resume. Novak said the rebels had agreed.\n\nNovak spoke again on Tuesday. 😀🎉 Later, Nowak flew home.\n";
  const uri = "file:///articles/story.txt";
  let version = 1;
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "plaintext", version, text },
  });
  const expectNowak = async () => {
    const d = await diagnostics(uri, version);
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0].code, "name-spelling");
    const i = text.lastIndexOf("Nowak ");
    assert.deepEqual(d[0].range, { start: posOf(text, i), end: posOf(text, i + 5) });
    return d;
  };
  await test("a misspelt name after non-BMP characters: UTF-16 range", expectNowak);

  // change applies an incremental edit of [from, to) here and there.
  const change = async (from, to, newText) => {
    const range = { start: posOf(text, from), end: posOf(text, to) };
    text = text.slice(0, from) + newText + text.slice(to);
    version++;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
  };
  await test("lines added before the finding move it", async () => {
    await change(text.indexOf("\n") + 1, text.indexOf("\n") + 1, "A new line 🎉.\n\n");
    await expectNowak();
  });
  await test("lines removed before the finding move it back", async () => {
    const start = text.indexOf("\n") + 1;
    await change(start, start + "A new line 🎉.\n\n".length, "");
    await expectNowak();
  });

  await test("code actions: the fix, and disabling the rule for the line", async () => {
    const i = text.lastIndexOf("Nowak ");
    const actions = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: posOf(text, i), end: posOf(text, i) },
      context: { diagnostics: [] },
    });
    assert.equal(actions.length, 2);
    assert.equal(actions[0].kind, "quickfix");
    const edit = actions[0].edit.changes[uri][0];
    assert.equal(edit.newText, "Novak");
    assert.deepEqual(edit.range, { start: posOf(text, i), end: posOf(text, i + 5) });
    assert.equal(actions[1].title, "Disable name-spelling for this line");
    const line = posOf(text, i).line;
    assert.deepEqual(actions[1].edit.changes[uri][0], {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      newText: "<!-- newslint-disable-next-line name-spelling -->\n",
    });
  });

  await test("applying the fix clears the diagnostics for that version", async () => {
    const i = text.lastIndexOf("Nowak ");
    await change(i, i + 5, "Novak");
    const d = await diagnostics(uri, version);
    assert.deepEqual(d, []);
  });

  await test("save, then close: an empty list", async () => {
    await conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual(await diagnostics(uri, version), []);
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual(await diagnostics(uri), []);
  });

  await test("shutdown and exit: status 0", async () => {
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });
  console.log(`${passed} passed`);
  process.exit(0);
} catch (err) {
  console.error(err);
  server.kill();
  process.exit(1);
}
