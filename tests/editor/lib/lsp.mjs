// A small Language Server Protocol client over stdio, enough to drive yaml-language-server
// the way an editor does: open a document, read the diagnostics the server publishes, ask
// for completion and hover. It answers the server's own requests (configuration,
// capability registration) as VS Code would, and bounds every wait in time, so that a
// server that stops answering fails the test instead of hanging it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The server's entry point, from the pinned npm package. */
export const SERVER_JS = require.resolve('yaml-language-server/bin/yaml-language-server');

/** The settings an editor sends: schema store off (no network), everything else default. */
export const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false },
  schemas: {},
};

const TIMEOUT_MS = 20_000;

export class LspClient {
  /** Start the server with `rootDir` as the workspace folder and initialise it. */
  static async start(rootDir) {
    const client = new LspClient();
    await client.#initialize(rootDir);
    return client;
  }

  #proc;
  #nextId = 1;
  #pending = new Map();
  #buffer = Buffer.alloc(0);
  #diagnostics = new Map(); // uri -> [{version, diagnostics}]
  #diagnosticWaiters = [];
  #versions = new Map();
  stderr = '';

  constructor() {
    this.#proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#proc.stdout.on('data', (chunk) => this.#receive(chunk));
    this.#proc.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.#proc.on('exit', (code, signal) => {
      const error = new Error(`yaml-language-server exited (${code ?? signal}): ${this.stderr}`);
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    });
  }

  async #initialize(rootDir) {
    const rootUri = pathToFileURL(rootDir).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'project' }],
      capabilities: clientCapabilities(),
      initializationOptions: {},
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
  }

  /** Send a request; resolves with its result, rejects on an error or after a time limit. */
  request(method, params) {
    const id = this.#nextId++;
    this.#send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method} within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      this.#pending.set(id, {
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
    });
  }

  notify(method, params) {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** Open a document (or replace its text) and wait for the diagnostics of that version. */
  async open(uri, text) {
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    if (version === 1) {
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    } else {
      this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    return this.#waitForDiagnostics(uri, version);
  }

  close(uri) {
    this.notify('textDocument/didClose', { textDocument: { uri } });
    this.#versions.delete(uri);
    this.#diagnostics.delete(uri);
  }

  completion(uri, position) {
    return this.request('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
  }

  hover(uri, position) {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  async stop() {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.#proc.kill('SIGKILL'), 2_000).unref();
    }
  }

  #send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#proc.stdin.write(body);
  }

  #receive(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header: ${header}`);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const body = this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      this.#dispatch(JSON.parse(body));
    }
  }

  #dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending?.resolve(message.result);
    } else if (message.id !== undefined) {
      this.#send({ jsonrpc: '2.0', id: message.id, result: answerServerRequest(message) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      this.#recordDiagnostics(message.params);
    }
  }

  #recordDiagnostics({ uri, version, diagnostics }) {
    // The server publishes without a version; the latest text sent is what it validated.
    const published = { version: version ?? this.#versions.get(uri), diagnostics };
    this.#diagnostics.set(uri, published);
    this.#diagnosticWaiters = this.#diagnosticWaiters.filter((waiter) => !waiter(uri, published));
  }

  #waitForDiagnostics(uri, version) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      this.#diagnosticWaiters.push((doneUri, published) => {
        if (doneUri !== uri || published.version !== version) return false;
        clearTimeout(timer);
        resolve(published.diagnostics);
        return true;
      });
    });
  }
}

/** What VS Code answers to the requests the server sends it. */
function answerServerRequest({ method, params }) {
  if (method === 'workspace/configuration') {
    return params.items.map(({ section }) => (section === 'yaml' ? YAML_SETTINGS : section === 'editor' ? { tabSize: 2, insertSpaces: true } : null));
  }
  return null; // client/registerCapability, window/workDoneProgress/create, ...
}

/** The capabilities VS Code announces that change what the server sends back. */
function clientCapabilities() {
  return {
    workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      synchronization: { dynamicRegistration: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: false },
      completion: {
        dynamicRegistration: true,
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          insertReplaceSupport: true,
          labelDetailsSupport: true,
          insertTextModeSupport: { valueSet: [1, 2] },
        },
        contextSupport: true,
      },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    },
  };
}
