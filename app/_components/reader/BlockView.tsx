import type { ReactNode } from 'react';
import type { BlockKind, EnBlock, ZhBlock } from '@/lib/model';
import { ZhText } from './ZhText';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** Headings of the text sit below the page's own h1 (the document title). */
function headingTag(level: number | undefined): HeadingTag {
  const n = Math.min(6, Math.max(2, (level ?? 1) + 1));
  return `h${n}` as HeadingTag;
}

function classOf(kind: BlockKind, level: number | undefined): string {
  return kind === 'heading' ? `b b-heading b-h${level ?? 1}` : `b b-${kind}`;
}

/** The element a block kind is shown as. */
function BlockElement({ kind, level, children }: { kind: BlockKind; level: number | undefined; children: ReactNode }) {
  const className = classOf(kind, level);
  switch (kind) {
    case 'heading': {
      const Tag = headingTag(level);
      return <Tag className={className}>{children}</Tag>;
    }
    case 'quote':
      return <blockquote className={className}>{children}</blockquote>;
    default:
      return <div className={className}>{children}</div>;
  }
}

export function ZhBlockView({ block }: { block: ZhBlock }) {
  return (
    <BlockElement kind={block.kind} level={block.level}>
      <ZhText block={block} />
    </BlockElement>
  );
}

export function EnBlockView({ block }: { block: EnBlock }) {
  if (block.html !== undefined && block.html !== '') {
    // The ingest's HTML carries its own element (<p>, <li>, …), so it goes in a neutral box.
    // `html` comes only from EnBlock.html, which the ingest produced with rehype-sanitize.
    return <div className={`${classOf(block.kind, block.level)} b-html`} dangerouslySetInnerHTML={{ __html: block.html }} />;
  }
  return (
    <BlockElement kind={block.kind} level={block.level}>
      {block.text}
    </BlockElement>
  );
}
