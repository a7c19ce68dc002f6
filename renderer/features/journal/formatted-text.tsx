import { Fragment, useMemo, type ReactNode } from 'react';
import { parseLightFormat, type Inline } from '../../../shared/journal/light-format.ts';

// Journal text on screen. The text is parsed into plain strings and a few node types
// (shared/journal/light-format.ts) and every string is rendered as a React text child, so
// whatever was typed, "<script>" included, shows as the characters it is. There is no
// dangerouslySetInnerHTML anywhere in this path.

export function FormattedText({ text }: { text: string }) {
  const blocks = useMemo(() => parseLightFormat(text), [text]);
  return (
    <div className="formatted-text">
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{renderInline(block.children)}</p>
        ) : block.ordered ? (
          <ol key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ol>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

function renderInline(nodes: readonly Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
    }
  });
}
