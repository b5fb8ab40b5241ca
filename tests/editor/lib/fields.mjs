// The fields of a YAML record, found with the `yaml` package (the parser yaml-language-server
// itself uses), and the text with one field taken out, as a contributor's file looks
// just before they type that field's name.
import { parseDocument, isMap, isSeq, isPair, isScalar } from 'yaml';

/** Maps keyed by ids or country codes, not by fields: `sources` holds records, the others data. */
const ID_MAPS = new Set(['topics', 'sources', 'shares']);
const RECORD_MAPS = new Set(['sources']);
/** Prose fields: a block map under them is `{en: ..., fr: ...}`, not fields. */
const PROSE_KEYS = new Set(['title', 'short_title', 'summary', 'text', 'note', 'consequences', 'description']);

/**
 * Every field of a document: { key, path (keys and list indexes), pattern (the path with
 * indexes as `[]` and ids as `*`), keyStart, end (offsets of the field's text), and for
 * the first field of a list item that has others, `next` (the next field's key offset)
 * and `mapEnd` (where the item ends) }.
 */
export function fieldsOf(text) {
  const doc = parseDocument(text);
  const fields = [];
  walk(doc.contents, [], [], fields);
  return fields;
}

function walk(node, path, pattern, fields) {
  if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i], [...pattern, '[]'], fields));
    return;
  }
  if (!isMap(node) || node.flow) return;
  const parentKey = pattern.at(-1);
  if (PROSE_KEYS.has(parentKey)) return;
  const inList = parentKey === '[]';
  for (const [index, pair] of node.items.entries()) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (ID_MAPS.has(parentKey)) {
      if (RECORD_MAPS.has(parentKey)) walk(pair.value, [...path, key], [...pattern, '*'], fields);
      continue;
    }
    const end = pair.value?.range ? pair.value.range[1] : pair.key.range[1];
    const field = { key, path: [...path, key], pattern: [...pattern, key].join('.'), keyStart: pair.key.range[0], end };
    if (inList && index === 0 && node.items.length > 1) {
      field.next = node.items[1].key.range[0];
      field.mapEnd = node.range[1];
    }
    fields.push(field);
    walk(pair.value, [...path, key], [...pattern, key], fields);
  }
}

/**
 * The text with `field` taken out, as it is when a contributor has typed the first
 * letter of its name: its lines replaced by one line holding what preceded the key
 * (indentation, or `- ` of a list item) and that letter; `cursor` is after the letter.
 * The first field of a list item is typed last instead: the item's next field moves up
 * to the `- ` line, and the letter goes on a new line at the end of the item.
 */
export function withoutField(text, field) {
  const lineStart = text.lastIndexOf('\n', field.keyStart - 1) + 1;
  const lineEnd = endOfLine(text, Math.max(field.end - 1, field.keyStart));
  const prefix = text.slice(lineStart, field.keyStart);
  const typed = field.key[0];
  if (field.next === undefined) {
    return { text: text.slice(0, lineStart) + prefix + typed + text.slice(lineEnd), cursor: lineStart + prefix.length + 1 };
  }
  const itemEnd = endOfLine(text, field.mapEnd - 1);
  const head = text.slice(0, lineStart) + prefix + text.slice(field.next, itemEnd) + '\n' + ' '.repeat(prefix.length) + typed;
  return { text: head + text.slice(itemEnd), cursor: head.length };
}

function endOfLine(text, offset) {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** Parse errors of a text (empty when it is valid YAML). */
export function yamlErrors(text) {
  return parseDocument(text).errors.map((e) => e.message);
}

/** Whether the parsed text has a key at `path`. */
export function hasPath(text, path) {
  return parseDocument(text).hasIn(path);
}
