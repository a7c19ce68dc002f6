// Light formatting for journal text: paragraphs, line breaks, *emphasis*, **strong** and
// lists ("- " or "* " for bullets, "1. " for numbers). The text is parsed into a small
// tree of plain strings that the window renders with React elements, so nothing the user
// writes (including "<script>" or HTML) can ever become markup: there is no HTML step at
// all. Hand-written because Markdown libraries produce HTML strings, which is exactly the
// path we want to avoid, and we need only this tiny subset.

export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'break' };

export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly Inline[]> };

const BULLET = /^\s{0,3}[-*•]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;

export function parseLightFormat(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInlineLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map((item) => parseInline(item)) });
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const itemText = bullet?.[1] ?? numbered?.[1];
    if (itemText !== undefined) {
      const ordered = numbered !== null;
      flushParagraph();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(itemText);
      continue;
    }
    if (list) {
      // An indented line continues the list item above it; anything else ends the list.
      if (/^\s{2,}\S/.test(line)) {
        list.items[list.items.length - 1] += ` ${line.trim()}`;
        continue;
      }
      flushList();
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

function parseInlineLines(lines: readonly string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    // One at a time: spreading a long line's tens of thousands of nodes into push() as
    // arguments is slow and, past the engine's argument limit, throws.
    for (const node of parseInline(line)) out.push(node);
  });
  return out;
}

/** Emphasis and strong in one line. Unmatched markers stay as the characters they are. */
export function parseInline(text: string, allowStrong = true): Inline[] {
  const out: Inline[] = [];
  const closers = new Closers(text);
  let plainFrom = 0;
  let i = 0;
  const pushPlain = (to: number) => {
    if (to > plainFrom) out.push({ type: 'text', text: text.slice(plainFrom, to) });
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code !== STAR && code !== UNDERSCORE) {
      i += 1;
      continue;
    }
    const ch = code === STAR ? '*' : '_';
    const double = code === STAR && text.charCodeAt(i + 1) === STAR;
    if (allowStrong && double) {
      const end = closers.close('**', i + 2);
      if (end !== -1) {
        pushPlain(i);
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end), false) });
        i = plainFrom = end + 2;
        continue;
      }
    }
    if (!double && opensAt(text, i)) {
      const end = closers.close(ch, i + 1);
      if (end !== -1) {
        pushPlain(i);
        out.push({ type: 'em', children: [{ type: 'text', text: text.slice(i + 1, end) }] });
        i = plainFrom = end + 1;
        continue;
      }
    }
    i += 1;
  }
  pushPlain(text.length);
  return out;
}

// ASCII first: these run for every character of an entry, and the Unicode classes are slow.
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(ch);
}

/** `_` only opens at a word start, so snake_case_words stay as they are. */
function opensAt(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || isSpace(next)) return false;
  return text[i] === '*' || !isWordChar(text[i - 1]);
}

type Marker = '*' | '_' | '**';

/**
 * Where each marker can close, found once per line: for every position, the nearest closer
 * at or after it. A closer follows a non-space; `_` must not run on into a word; a `*`
 * closes only as the last star of a run whose stars, taken in pairs, leave it over (a `**`
 * inside is strong's, not emphasis's). Looking each closer up instead of
 * scanning ahead from every opener keeps a 50,000-character entry of unmatched markers
 * linear: scanning made it quadratic, seconds of frozen window.
 */
class Closers {
  private readonly text: string;
  private readonly next = new Map<Marker, Int32Array>();

  constructor(text: string) {
    this.text = text;
  }

  /** The closer for an opener whose content starts at `from`, or −1 (content is never empty or space-led). */
  close(marker: Marker, from: number): number {
    if (from >= this.text.length || isSpace(this.text[from])) return -1;
    return this.table(marker)[from + 1]!;
  }

  private table(marker: Marker): Int32Array {
    let table = this.next.get(marker);
    if (table) return table;
    const text = this.text;
    const length = text.length;
    const code = marker.charCodeAt(0);
    table = new Int32Array(length + 2);
    table[length] = table[length + 1] = -1;
    for (let j = length - 1; j >= 0; j -= 1) table[j] = text.charCodeAt(j) === code && this.closesAt(marker, j) ? j : table[j + 1]!;
    this.next.set(marker, table);
    return table;
  }

  /** Whether the marker character at j closes (the caller checked the character). */
  private closesAt(marker: Marker, j: number): boolean {
    const text = this.text;
    if (j === 0 || isSpace(text[j - 1])) return false;
    if (marker === '**') return text.charCodeAt(j + 1) === STAR;
    if (marker === '_') return !isWordChar(text[j + 1]);
    if (text.charCodeAt(j + 1) === STAR) return false;
    // Stars pair off from the first one that could close: a star after a space cannot, so
    // pairing starts at the next.
    let runStart = j;
    while (runStart > 0 && text.charCodeAt(runStart - 1) === STAR) runStart -= 1;
    const pairFrom = isSpace(text[runStart - 1]) ? runStart + 1 : runStart;
    return (j - pairFrom) % 2 === 0;
  }
}

const STAR = 42; // '*'
const UNDERSCORE = 95; // '_'

/** The words without markers: for excerpts and screen-reader labels. */
export function plainTextOf(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'break' ? ' ' : inline(node.children))).join('');
  return blocks
    .map((block) => (block.type === 'paragraph' ? inline(block.children) : block.items.map(inline).join(' ')))
    .join(' ')
    .trim();
}
