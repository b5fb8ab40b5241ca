// Accepting a completion the way VS Code (and Monaco) does, so that the test sees the text
// a contributor would get: the item's edit (or its insert text at the word under the
// cursor), its snippet placeholders replaced by their defaults, and every inserted line
// after the first indented like the line it is inserted into (VS Code's "adjust
// whitespace", which yaml-language-server relies on for nested blocks).

/** The offset of an LSP position (line, UTF-16 character) in `text`. */
export function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + character, text.length);
}

/** The LSP position of an offset in `text`. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The text after accepting `item` at `position`. */
export function acceptCompletion(text, position, item) {
  const edit = item.textEdit;
  const range = edit ? (edit.insert ?? edit.range) : wordRange(text, position);
  let newText = edit ? edit.newText : (item.insertText ?? item.label);
  if (item.insertTextFormat === 2) newText = expandSnippet(newText);
  const start = offsetAt(text, range.start);
  if (item.insertTextMode !== 1) newText = adjustWhitespace(text, start, newText);
  const edits = [{ start, end: offsetAt(text, range.end), newText }];
  for (const extra of item.additionalTextEdits ?? []) {
    edits.push({ start: offsetAt(text, extra.range.start), end: offsetAt(text, extra.range.end), newText: extra.newText });
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** The identifier-like word that ends at `position` (what VS Code replaces by default). */
function wordRange(text, position) {
  const end = offsetAt(text, position);
  let start = end;
  while (start > 0 && /[\w$-]/.test(text[start - 1])) start--;
  return { start: positionAt(text, start), end: position };
}

/** A snippet as inserted text: `${1:default}` gives its default, `${1|a,b|}` its first choice, tab stops nothing. */
export function expandSnippet(snippet) {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = matchingBrace(snippet, i + 1);
      const inner = snippet.slice(i + 2, close);
      const placeholder = /^[0-9]+:([\s\S]*)$/.exec(inner);
      const choice = /^[0-9]+\|([^,|]*)/.exec(inner);
      out += placeholder ? expandSnippet(placeholder[1]) : choice ? choice[1] : '';
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced snippet: ${text}`);
}

/** Indent every inserted line after the first like the line the insertion starts on. */
function adjustWhitespace(text, start, newText) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))[0];
  return newText
    .split(/\r\n|\r|\n/)
    .map((line, i) => (i === 0 ? line : (indent + line).replace(/^[ \t]+/, (ws) => ws.replaceAll('\t', '  '))))
    .join('\n');
}
