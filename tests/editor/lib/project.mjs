// The workspace the editor tests open: a temporary copy of the repository's positions/
// and of the test fixtures, each beside a copy of schema/, so that the relative
// `$schema` modelines resolve as they do in a checkout. $SCHEMA_DIR replaces schema/
// (to run the same assertions against another revision's schemas).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const execFileP = promisify(execFile);

/** The repository root (tests/editor/lib/../../..). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SCHEMA_DIR = path.resolve(REPO, process.env.SCHEMA_DIR || 'schema');

/** The trilogue binary: $TRILOGUE_BIN, relative to the repository root unless absolute. */
export const BIN = path.resolve(REPO, process.env.TRILOGUE_BIN || 'target/debug/trilogue');

/** The fixture projects whose data is valid (tests/fixtures/broken is broken on purpose). */
export const VALID_FIXTURES = ['basic', 'brief', 'hostile'];

/** Which schema a file under positions/ uses, by its place. */
export function kindOf(relative) {
  const parts = relative.split('/');
  const name = parts.at(-1);
  if (parts.at(-2) === 'provisions') return 'provision';
  if (parts.at(-2) === 'rows') return 'row';
  if (parts.at(-2) === '_data') return 'population';
  return { 'dossier.yaml': 'dossier', 'member-states.yaml': 'member-states', 'timeline.yaml': 'timeline', 'actors.yaml': 'actors' }[name];
}

/**
 * Copy positions/ and the valid fixtures into a temporary folder, each project with its
 * own schema/. Returns { root, files: [{ project, relative, name (for messages), kind, uri,
 * text }], cleanup }.
 */
export async function makeWorkspace() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'trilogue-editor-'));
  const projects = [['positions', REPO], ...VALID_FIXTURES.map((f) => [`fixtures/${f}`, path.join(REPO, 'tests/fixtures', f)])];
  const files = [];
  for (const [name, source] of projects) {
    const dir = name === 'positions' ? root : path.join(root, name);
    await fs.cp(path.join(source, 'positions'), path.join(dir, 'positions'), { recursive: true });
    await fs.cp(SCHEMA_DIR, path.join(dir, 'schema'), { recursive: true });
    for (const relative of await yamlFiles(path.join(dir, 'positions'))) {
      const file = path.join(dir, 'positions', relative);
      const kind = kindOf(relative);
      const text = withModeline(await fs.readFile(file, 'utf8'), relative, kind);
      const shown = name === 'positions' ? `positions/${relative}` : `${name}/positions/${relative}`;
      files.push({ project: name, relative: `positions/${relative}`, name: shown, kind, uri: pathToFileURL(file).href, text });
    }
  }
  return { root, files, cleanup: () => fs.rm(root, { recursive: true, force: true }) };
}

/** Every .yaml file under `dir`, relative to it, sorted. */
async function yamlFiles(dir) {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The modeline a file of this kind carries; prepended where a fixture has none (hostile/). */
export function modeline(relative, kind) {
  const depth = relative.split('/').length; // positions/<relative>: up to the project root
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}schema/${kind}.schema.json`;
}

function withModeline(text, relative, kind) {
  return text.includes('yaml-language-server: $schema=') ? text : `${modeline(relative, kind)}\n${text}`;
}

/** Run the trilogue binary; resolves with { stdout, stderr, code }. */
export async function runBin(args) {
  try {
    const { stdout, stderr } = await execFileP(BIN, args, { timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`trilogue binary not found at ${BIN} (build it with cargo build, or set TRILOGUE_BIN)`);
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code };
  }
}
