// Reading just enough of a provision record to pick a search word, without a YAML library
// (the harness depends on playwright-core and axe-core only). It understands top-level
// `key: value` lines and `text:` / `summary:` values, plain or block scalars (| and >).
import fs from 'node:fs/promises';
import path from 'node:path';
import { walk } from './harness.mjs';

const WORD = /\p{L}+/gu;

function unquote(v) {
  v = v.trim();
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
  return v;
}

/** The value of a top-level `key: value` line (e.g. ref, title). */
export function topLevel(yaml, key) {
  const m = yaml.match(new RegExp(`^${key}:[ \\t]*(.*)$`, 'm'));
  return m ? unquote(m[1].replace(/\s+#.*$/, '')) : undefined;
}

/**
 * Split a record into the texts of its `text:` and `summary:` values (at any depth) and
 * everything else.
 */
export function splitFields(yaml, keys = ['text', 'summary']) {
  const lines = yaml.split(/\r?\n/);
  const inside = [];
  const outside = [];
  const keyRe = new RegExp(`^(\\s*(?:-\\s+)?)(${keys.join('|')}):(?:\\s+(.*))?$`);
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(keyRe);
    if (!m) {
      outside.push(lines[i]);
      continue;
    }
    const indent = m[1].length;
    const value = (m[3] || '').trim();
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value) || value === '') {
      // A block scalar (or a value on the following, more indented lines).
      while (i + 1 < lines.length) {
        const next = lines[i + 1];
        const ind = next.match(/^\s*/)[0].length;
        if (next.trim() !== '' && ind <= indent) break;
        inside.push(next.trim());
        i++;
      }
    } else {
      inside.push(unquote(value));
    }
  }
  return { inside: inside.join('\n'), outside: outside.join('\n') };
}

/** A summary row's first citation: `provisions: [Article 7(1), Article 10]` → `Article 7(1)`. */
function firstCitation(yaml) {
  const list = topLevel(yaml, 'provisions');
  return list ? list.replace(/^\[/, '').replace(/\]\s*$/, '').split(',')[0].trim() : undefined;
}

const words = (s) => new Set((s.toLowerCase().match(WORD) || []));

/**
 * A record without the entries of its language maps other than the main language's
 * (`fr: …`, `de: …`, plain or block scalars): the main language's pages and search index
 * hold only those, so a word picked for them must come from the main language.
 */
export function mainLanguageOnly(yaml, others = ['fr', 'de']) {
  const lines = yaml.split(/\r?\n/);
  const keep = [];
  const re = new RegExp(`^(\\s+)(?:${others.join('|')}):(?:\\s+(.*))?$`);
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(re);
    if (!m) {
      keep.push(lines[i]);
      continue;
    }
    const indent = m[1].length;
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test((m[2] || '').trim()) || !m[2]) {
      while (i + 1 < lines.length) {
        const next = lines[i + 1];
        if (next.trim() !== '' && next.match(/^\s*/)[0].length <= indent) break;
        i++;
      }
    }
  }
  return keep.join('\n');
}

/**
 * A word of the text or summary of `positions/<dossier>/provisions/<id>.yaml` that occurs
 * nowhere else in positions/ (nor elsewhere in the same record), and shares no six-letter
 * prefix with any word elsewhere (so that a stemming search engine cannot match it in
 * another provision either). The longest such word wins; ties by alphabetical order.
 */
export async function uniqueWord(root, dossier, id, folder = 'provisions') {
  const positions = path.join(root, 'positions');
  const target = `${dossier}/${folder}/${id}.yaml`;
  const own = mainLanguageOnly(await fs.readFile(path.join(positions, target), 'utf8'));
  const { inside, outside } = splitFields(own);
  const elsewhere = words(outside);
  for (const f of await walk(positions)) {
    if (f === target || !/\.(ya?ml|md|txt)$/.test(f)) continue;
    for (const w of words(mainLanguageOnly(await fs.readFile(path.join(positions, f), 'utf8')))) elsewhere.add(w);
  }
  const prefixes = new Set([...elsewhere].map((w) => w.slice(0, 6)));
  const candidates = [...words(inside)]
    .filter((w) => w.length >= 7 && !elsewhere.has(w) && !prefixes.has(w.slice(0, 6)))
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (candidates.length === 0) throw new Error(`no word of ${target} is unique to its text or summary`);
  return { word: candidates[0], candidates, ref: topLevel(own, 'ref') ?? firstCitation(own), title: topLevel(own, 'title') };
}
