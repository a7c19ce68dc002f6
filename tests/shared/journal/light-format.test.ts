import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLightFormat, plainTextOf, type Block, type Inline } from '../../../shared/journal/light-format.ts';

const text = (t: string): Inline => ({ type: 'text', text: t });

describe('light formatting', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseLightFormat('First line\nsecond line\n\nNew paragraph')).toEqual([
      { type: 'paragraph', children: [text('First line'), { type: 'break' }, text('second line')] },
      { type: 'paragraph', children: [text('New paragraph')] },
    ]);
  });

  it('reads *emphasis*, _emphasis_ and **strong**, and leaves stray markers alone', () => {
    expect(parseLightFormat('I felt *so* tired and **really** _seen_')[0]).toEqual({
      type: 'paragraph',
      children: [
        text('I felt '),
        { type: 'em', children: [text('so')] },
        text(' tired and '),
        { type: 'strong', children: [text('really')] },
        text(' '),
        { type: 'em', children: [text('seen')] },
      ],
    });
    expect(parseLightFormat('2 * 3 = 6 and snake_case_name and a lone *')[0]).toEqual({
      type: 'paragraph',
      children: [text('2 * 3 = 6 and snake_case_name and a lone *')],
    });
  });

  it('makes bullet and numbered lists, a list interrupting a paragraph', () => {
    const blocks = parseLightFormat('What helped:\n- breathing out slowly\n- *feet* on the floor\n\n1. say sorry\n2. listen');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [text('What helped:')] },
      { type: 'list', ordered: false, items: [[text('breathing out slowly')], [{ type: 'em', children: [text('feet')] }, text(' on the floor')]] },
      { type: 'list', ordered: true, items: [[text('say sorry')], [text('listen')]] },
    ]);
  });

  it('keeps HTML and script as the plain characters typed', () => {
    const source = '<script>window.hacked = 1</script>\n<img src=x onerror="alert(1)"> **<b>bold?</b>**';
    const blocks = parseLightFormat(source);
    expect(plainTextOf(blocks)).toBe('<script>window.hacked = 1</script> <img src=x onerror="alert(1)"> <b>bold?</b>');
    // Only our own node types exist in the tree: there is nowhere for markup to go.
    const types = new Set<string>();
    const walk = (nodes: readonly Inline[]) =>
      nodes.forEach((node) => {
        types.add(node.type);
        if (node.type === 'em' || node.type === 'strong') walk(node.children);
      });
    for (const block of blocks) (block.type === 'paragraph' ? [block.children] : block.items).forEach(walk);
    expect([...types].sort()).toEqual(['break', 'strong', 'text']);
  });

  it('never loses or invents characters other than the markers (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        const blocks: Block[] = parseLightFormat(source);
        const plain = plainTextOf(blocks).replace(/\s+/g, '');
        const expected = source.replace(/\s+/g, '');
        // Every character of the result was in the source, in order.
        let at = 0;
        for (const ch of plain) {
          at = expected.indexOf(ch, at);
          expect(at).not.toBe(-1);
          at += 1;
        }
        // Non-marker characters all survive.
        expect(plain.replace(/[*_\-•.)\d]/g, '')).toBe(expected.replace(/[*_\-•.)\d]/g, ''));
      }),
    );
  });
});
