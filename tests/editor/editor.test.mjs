// Editor support, tested with the real yaml-language-server (issue 19): the server from
// npm at a pinned version, driven over LSP the way VS Code drives it, on a copy of
// positions/, the fixtures and schema/.
//
//   npm ci && node --test editor.test.mjs          (from tests/editor)
//   SCHEMA_DIR=/some/other/schema node --test ...  (the same assertions on other schemas)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { LspClient } from './lib/lsp.mjs';
import { acceptCompletion, positionAt } from './lib/edit.mjs';
import { fieldsOf, withoutField, yamlErrors, hasPath } from './lib/fields.mjs';
import { makeWorkspace, runBin, SCHEMA_DIR } from './lib/project.mjs';

let workspace;
let client;

before(async () => {
  workspace = await makeWorkspace();
  client = await LspClient.start(workspace.root);
});

after(async () => {
  await client?.stop();
  await workspace?.cleanup();
});

/** One line per diagnostic: `file:line:col message` (1-based, as editors show them). */
function describe(file, diagnostics) {
  return diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** The workspace file at `relative` of the repository's positions/. */
function realFile(relative) {
  const file = workspace.files.find((f) => f.project === 'positions' && f.relative === relative);
  assert.ok(file, `${relative} is in positions/`);
  return file;
}

/** A scratch document beside `file` (same folder, so its modeline resolves the same way). */
function scratchUri(file, name) {
  return file.uri.replace(/[^/]+$/, name);
}

test('every file of positions/ and of the valid fixtures opens without a diagnostic', async (t) => {
  const problems = [];
  const counted = { positions: 0, fixtures: 0 };
  for (const file of workspace.files) {
    const diagnostics = await client.open(file.uri, file.text);
    problems.push(...describe(file.name, diagnostics));
    counted[file.project === 'positions' ? 'positions' : 'fixtures']++;
  }
  t.diagnostic(`files opened: ${counted.positions} of positions/, ${counted.fixtures} of the fixtures`);
  assert.deepEqual(problems, []);
  assert.ok(counted.positions >= 20, `files opened in positions/: ${counted.positions}`);
  assert.ok(counted.fixtures >= 20, `files opened in the fixtures: ${counted.fixtures}`);
});

/** Open `text` as a scratch file beside `file`, and return its diagnostics as lines. */
async function diagnose(file, text, name) {
  const uri = scratchUri(file, name);
  const diagnostics = await client.open(uri, text);
  client.close(uri);
  return diagnostics.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, message: d.message }));
}

/** The 1-based line and column of the first `needle` in `text`, after `offset` characters of it. */
function lineColumn(text, needle, offset = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const { line, character } = positionAt(text, at + offset);
  return { line: line + 1, column: character + 1 };
}

test('a misspelt field, a wrong stance and a missing source get exactly one precise diagnostic each', async () => {
  const provision = realFile('positions/csar/provisions/article-7.yaml');
  const misspelt = provision.text.replace('\n  commission:', '\n  comission:');
  assert.deepEqual(await diagnose(provision, misspelt, 'misspelt.yaml'), [
    { ...lineColumn(misspelt, '\n  comission:', 3), severity: 1, message: 'Property comission is not allowed.' },
  ]);

  const states = realFile('positions/csar/member-states.yaml');
  const wrongStance = states.text.replace(/stance: \w+/, 'stance: opose');
  assert.deepEqual(await diagnose(states, wrongStance, 'wrong-stance.yaml'), [
    {
      ...lineColumn(wrongStance, 'stance: opose', 8),
      severity: 1,
      message: 'Value is not accepted. Valid values: "support", "oppose", "undecided", "abstain".',
    },
  ]);

  // The Commission's version without its `source:` line.
  const sourceLine = /\n    source: [^\n]*/;
  assert.match(provision.text, sourceLine);
  const noSource = provision.text.replace(sourceLine, '');
  assert.deepEqual(await diagnose(provision, noSource, 'no-source.yaml'), [
    { ...lineColumn(noSource, '\n  commission:', 3), severity: 1, message: 'Missing property "source".' },
  ]);
});

/** One file of each kind: the richest of the repository's positions/ and the fixtures. */
function oneFilePerKind() {
  const best = new Map();
  for (const file of workspace.files) {
    // import-map.yaml's keys are the dossier's sources and references, which no schema
    // can offer as completions; its schema is checked by the test above.
    if (!file.kind) continue;
    const fields = fieldsOf(file.text).length;
    if (fields > (best.get(file.kind)?.fields ?? -1)) best.set(file.kind, { file, fields });
  }
  return [...best.values()].map(({ file }) => file);
}

/** Every field name listed as required anywhere in a schema file. */
async function requiredFields(kind) {
  const schema = JSON.parse(await fs.readFile(path.join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8'));
  const required = new Set(schema.required ?? []);
  for (const definition of Object.values(schema.definitions ?? {})) {
    for (const key of definition.required ?? []) required.add(key);
  }
  return required;
}

/**
 * Take `field` out of `file`, ask for completion where its name would be typed, accept
 * the item named like it, and say what went wrong (nothing when the result is right).
 */
async function completeField(file, field, n) {
  const { text, cursor } = withoutField(file.text, field);
  const uri = scratchUri(file, `complete-${n}.yaml`);
  await client.open(uri, text);
  const position = positionAt(text, cursor);
  const result = await client.completion(uri, position);
  client.close(uri);
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  const item = items.find((i) => i.label === field.key && i.kind === 10);
  const where = `${file.name} ${field.pattern}`;
  if (!item) return `${where}: no completion item "${field.key}" (offered: ${items.map((i) => i.label).join(', ')})`;
  const accepted = acceptCompletion(text, position, item);
  const line = accepted.split('\n')[position.line];
  const errors = yamlErrors(accepted);
  if (errors.length) return `${where}: accepting it writes ${JSON.stringify(line)}, and the file no longer parses: ${errors[0]}`;
  if (!new RegExp(`^[ -]*${field.key}:( |$)`).test(line)) return `${where}: accepting it writes ${JSON.stringify(line)}`;
  if (!hasPath(accepted, field.path)) return `${where}: after accepting it, ${field.path.join('.')} is not a key`;
  return null;
}

test('completing each field of each kind of file writes `key: ` or `key:` and a block, and the file still parses', async (t) => {
  const problems = [];
  let n = 0;
  for (const file of oneFilePerKind()) {
    const seen = new Set();
    const tested = new Set();
    for (const field of fieldsOf(file.text)) {
      if (seen.has(field.pattern)) continue;
      seen.add(field.pattern);
      const problem = await completeField(file, field, n++);
      if (problem) problems.push(problem);
      tested.add(field.key);
    }
    const untested = [...(await requiredFields(file.kind))].filter((key) => !tested.has(key));
    assert.deepEqual(untested, [], `required fields of ${file.kind} files absent from ${file.name}`);
  }
  t.diagnostic(`fields completed: ${n}, in ${oneFilePerKind().map((f) => f.name).join(', ')}`);
  assert.deepEqual(problems, []);
  assert.ok(n >= 40, `fields completed: ${n}`);
});

/** The places where a "fill in the required fields" item is offered, and what it must write. */
const SKELETONS = [
  { kind: 'provision', text: '\n', path: [], keys: ['positions', 'ref', 'title'] },
  { kind: 'provision', text: 'ref: Article 1\ntitle: T\npositions:\n  commission:\n    \n', path: ['positions', 'commission'], keys: ['date', 'source'] },
  { kind: 'dossier', text: '\n', path: [], keys: ['lang', 'procedure', 'short_title', 'status', 'summary', 'title'] },
  { kind: 'member-states', text: 'stances:\n  - \n', path: ['stances', 0], keys: ['country', 'history'] },
  { kind: 'member-states', text: 'stances:\n  - country: DE\n    history:\n      - \n', path: ['stances', 0, 'history', 0], keys: ['date', 'source', 'stance'] },
  { kind: 'timeline', text: '- \n', path: [0], keys: ['date', 'title'] },
  { kind: 'actors', text: '- \n', path: [0], keys: ['name', 'role'] },
];

test('the "fill in the required fields" completions write a valid skeleton', async () => {
  const problems = [];
  for (const [n, skeleton] of SKELETONS.entries()) {
    const beside = workspace.files.find((f) => f.project === 'positions' && f.kind === skeleton.kind);
    const header = beside.text.split('\n')[0] + '\n';
    const text = header + skeleton.text;
    const uri = scratchUri(beside, `skeleton-${n}.yaml`);
    await client.open(uri, text);
    const lines = text.split('\n');
    const line = lines.length - 2; // the last, empty or `- ` line
    const position = { line, character: lines[line].length };
    const result = await client.completion(uri, position);
    client.close(uri);
    const where = `${skeleton.kind} at ${skeleton.path.join('.') || 'the top'}`;
    const item = (result?.items ?? []).find((i) => i.kind === 7);
    if (!item) {
      problems.push(`${where}: no "fill in the required fields" item`);
      continue;
    }
    const accepted = acceptCompletion(text, position, item);
    const errors = yamlErrors(accepted);
    if (errors.length) {
      problems.push(`${where}: it writes ${JSON.stringify(accepted.slice(header.length))}, which does not parse: ${errors[0]}`);
      continue;
    }
    const missing = skeleton.keys.filter((key) => !hasPath(accepted, [...skeleton.path, key]));
    if (missing.length) problems.push(`${where}: it writes ${JSON.stringify(accepted.slice(header.length))}, without ${missing.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

/** The description a schema gives `key` (the first field of that name in the file). */
async function ownDescription(kind, key) {
  const schema = JSON.parse(await fs.readFile(path.join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8'));
  for (const object of [schema, ...Object.values(schema.definitions ?? {})]) {
    const description = object.properties?.[key]?.description;
    if (description) return description;
  }
  return undefined;
}

/** Hover on the first `key:` of a real file of that kind, with the text of the hover. */
async function hoverOn(relative, key) {
  const file = realFile(relative);
  const at = file.text.search(new RegExp(`^[ -]*${key}:`, 'm'));
  assert.ok(at >= 0, `${relative} has a ${key}: field`);
  const offset = file.text.indexOf(key, at) + 1;
  await client.open(file.uri, file.text);
  const hover = await client.hover(file.uri, positionAt(file.text, offset));
  return hover?.contents?.value ?? '';
}

const HOVERED = [
  ['positions/csar/rows/detection-orders.yaml', 'row', 'same_as'],
  ['positions/csar/rows/detection-orders.yaml', 'row', 'deleted'],
  ['positions/csar/rows/detection-orders.yaml', 'row', 'consequences'],
  ['positions/csar/member-states.yaml', 'member-states', 'stance'],
  ['positions/csar/rows/detection-orders.yaml', 'row', 'summary'],
];

test("hover on same_as, deleted, consequences, stance and summary starts with that field's own meaning, in Markdown", async () => {
  const problems = [];
  for (const [relative, kind, key] of HOVERED) {
    const own = await ownDescription(kind, key);
    assert.ok(own, `the ${kind} schema describes ${key}`);
    const shown = await hoverOn(relative, key);
    const first = shown.split('\n\n')[0];
    if (first !== own) problems.push(`${key}: hover starts with ${JSON.stringify(first)}, not ${JSON.stringify(own)}`);
    if (/\\`/.test(shown)) problems.push(`${key}: hover shows escaped backticks: ${JSON.stringify(shown)}`);
    if (/^#/m.test(shown)) problems.push(`${key}: hover has a heading (a schema title): ${JSON.stringify(shown)}`);
  }
  assert.deepEqual(problems, []);
});

test('the files `trilogue new` scaffolds open with only errors `trilogue check` also reports', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'trilogue-editor-new-'));
  try {
    await fs.cp(SCHEMA_DIR, path.join(root, 'schema'), { recursive: true });
    for (const args of [['new', 'dossier', 'demo'], ['new', 'provision', 'demo', 'Article 7(1)']]) {
      const made = await runBin(['--root', root, ...args]);
      assert.equal(made.code, 0, `trilogue ${args.join(' ')}: ${made.stderr}`);
    }
    const checked = await runBin(['--root', root, 'check', '--format', 'json']);
    const reported = new Set(
      checked.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)).map((d) => `${d.file}:${d.line}`),
    );
    assert.ok(reported.size > 0, `check reports the placeholders: ${checked.stdout}${checked.stderr}`);
    const unexplained = [];
    let shown = 0;
    for (const relative of ['dossier.yaml', 'timeline.yaml', 'actors.yaml', 'member-states.yaml', 'provisions/article-7-1.yaml']) {
      const file = path.join(root, 'positions/demo', relative);
      const diagnostics = await client.open(pathToFileURL(file).href, await fs.readFile(file, 'utf8'));
      client.close(pathToFileURL(file).href);
      shown += diagnostics.length;
      const name = `positions/demo/${relative}`;
      unexplained.push(...describe(name, diagnostics.filter((d) => !reported.has(`${name}:${d.range.start.line + 1}`))));
    }
    assert.deepEqual(unexplained, []);
    assert.ok(shown > 0, 'the editor flags the placeholders too');
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});
