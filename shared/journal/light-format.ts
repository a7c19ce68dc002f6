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
    out.push(...parseInline(line));
  });
  return out;
}

/** Emphasis and strong in one line. Unmatched markers stay as the characters they are. */
export function parseInline(text: string, allowStrong = true): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let i = 0;
  const pushPlain = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (allowStrong && text.startsWith('**', i)) {
      const end = findClose(text, '**', i + 2);
      if (end !== -1) {
        pushPlain();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end), false) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && !text.startsWith('**', i) && opensAt(text, i)) {
      const end = findClose(text, ch, i + 1);
      if (end !== -1) {
        pushPlain();
        out.push({ type: 'em', children: [{ type: 'text', text: text.slice(i + 1, end) }] });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  pushPlain();
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** `_` only opens at a word start, so snake_case_words stay as they are. */
function opensAt(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || /\s/.test(next)) return false;
  return text[i] === '*' || !isWordChar(text[i - 1]);
}

function findClose(text: string, marker: string, from: number): number {
  if (from >= text.length || /\s/.test(text[from] as string)) return -1;
  for (let j = text.indexOf(marker, from); j !== -1; j = text.indexOf(marker, j + 1)) {
    if (j === from) continue; // empty content
    if (/\s/.test(text[j - 1] as string)) continue;
    if (marker === '*' && text[j + 1] === '*') {
      j += 1;
      continue;
    }
    if (marker === '_' && isWordChar(text[j + 1])) continue;
    return j;
  }
  return -1;
}

/** The words without markers: for excerpts and screen-reader labels. */
export function plainTextOf(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'break' ? ' ' : inline(node.children))).join('');
  return blocks
    .map((block) => (block.type === 'paragraph' ? inline(block.children) : block.items.map(inline).join(' ')))
    .join(' ')
    .trim();
}
