import { createElement, Fragment, memo, type ReactNode } from 'react';
import type { BlockKind } from '@/lib/model';
import { sandhiReadings } from '@/lib/learner/sandhi';
import { wordParts, type ViewEnBlock, type ViewWord, type ViewZhBlock } from '@/lib/reader/view';
import { glossOf, ZhWord, type WordStyle } from './ZhWord';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** Headings of the text sit below the page's own h1 (the document title). */
function headingTag(level: number | undefined): HeadingTag {
  const n = Math.min(6, Math.max(2, (level ?? 1) + 1));
  return `h${n}` as HeadingTag;
}

type Role = ViewZhBlock['role'];

function classOf(kind: BlockKind, level: number | undefined, role?: Role): string {
  if (role === 'kicker') return 'b b-kicker';
  if (kind === 'sidebar') return role === 'headline' ? 'b b-sidebar b-sidebar-title' : 'b b-sidebar';
  return kind === 'heading' ? `b b-heading b-h${level ?? 1}${role === 'deck' ? ' b-deck' : ''}` : `b b-${kind}`;
}

/** What a sidebar and a pull quote are called to a screen reader, in the page's language. */
interface AsideLabels {
  sidebar: string;
  pullQuote: string;
}

/** The element a block kind is shown as. */
function BlockElement({
  kind,
  level,
  role,
  labels,
  children,
}: {
  kind: BlockKind;
  level: number | undefined;
  role?: Role;
  labels?: AsideLabels;
  children: ReactNode;
}) {
  const className = classOf(kind, level, role);
  // A kicker labels the headline under it: small text, not a heading of its own in the outline.
  if (role === 'kicker') return <p className={className}>{children}</p>;
  switch (kind) {
    case 'heading':
      return createElement(headingTag(level), { className }, children);
    case 'quote':
      return <blockquote className={className}>{children}</blockquote>;
    case 'pullquote':
      return (
        <blockquote className={className} aria-label={labels?.pullQuote}>
          {children}
        </blockquote>
      );
    case 'sidebar':
      // A box beside the article, read after it: its title carries the box's label (shown small above it).
      return (
        <aside
          className={className}
          aria-label={labels?.sidebar}
          data-label={role === 'headline' ? labels?.sidebar : undefined}
        >
          {children}
        </aside>
      );
    default:
      return <div className={className}>{children}</div>;
  }
}

/** A table row's words split into its cells at the tabs between them (an empty cell is two tabs in a row). */
function cellsOf(words: readonly ViewWord[]): ViewWord[][] {
  const cells: ViewWord[][] = [[]];
  for (const word of words) {
    if (typeof word !== 'string' || !word.includes('\t')) {
      cells.at(-1)!.push(word);
      continue;
    }
    word.split('\t').forEach((part, i) => {
      if (i > 0) cells.push([]);
      if (part.trim() !== '') cells.at(-1)!.push(part);
    });
  }
  return cells;
}

/** Characters (code points) up to which a table cell is kept on one line. */
const SHORT_CELL = 8;

const textOfWord = (word: ViewWord) => (typeof word === 'string' ? word : word[0]);

/** A table of rows and cells: header rows as th, each row a sentence with its bead. */
function TableView({
  headerRows,
  rows,
}: {
  headerRows: number;
  rows: Array<{ bead: number; className: string; cells: ReactNode[]; lengths: number[] }>;
}) {
  // A short cell (a year, a figure, a column title) stays on one line; long titles wrap.
  const cellClass = (length: number | undefined) => ((length ?? 0) <= SHORT_CELL ? 'b-cell-short' : undefined);
  const row = (r: (typeof rows)[number], i: number, head: boolean) => (
    <tr key={i} className={r.className} data-b={r.bead}>
      {r.cells.map((cell, c) =>
        head ? (
          <th key={c} className={cellClass(r.lengths[c])}>
            {cell}
          </th>
        ) : (
          <td key={c} className={cellClass(r.lengths[c])}>
            {cell}
          </td>
        ),
      )}
    </tr>
  );
  return (
    <div className="b b-table">
      <table>
        {headerRows > 0 ? <thead>{rows.slice(0, headerRows).map((r, i) => row(r, i, true))}</thead> : null}
        <tbody>{rows.slice(headerRows).map((r, i) => row(r, i + headerRows, false))}</tbody>
      </table>
    </div>
  );
}

/** The readings of a sentence's words as spoken (一 and 不 sandhi), for the reading aids that show them. */
function spokenReadings(words: readonly ViewWord[]): string[] {
  return sandhiReadings(
    words.map((word) => {
      if (typeof word === 'string') return { text: word, pinyin: '' };
      const parts = wordParts(word);
      return { text: parts.simplified, pinyin: parts.pinyin };
    }),
  );
}

/** A run of words read as one (a sentence, a table cell): 一 and 不 sandhi apply within it. */
function ZhWords({
  words,
  style,
  glosses,
  readsAloud,
}: {
  words: readonly ViewWord[];
  style: WordStyle;
  glosses: Record<string, string> | null;
  readsAloud: boolean;
}) {
  const readings = readsAloud ? spokenReadings(words) : null;
  return words.map((word, w) => (
    <ZhWord
      key={w}
      word={word}
      style={style}
      gloss={style.interlinear ? glossOf(word, glosses) : undefined}
      reading={readings?.[w]}
    />
  ));
}

/**
 * A Chinese block: each sentence a `.zs` span whose `data-b` is its sentence bead, so sentence
 * sync, reveal and speech find the aligned English by attribute.
 */
export const ZhBlockView = memo(function ZhBlockView({
  block,
  style,
  glosses,
  labels,
}: {
  block: ViewZhBlock;
  style: WordStyle;
  glosses: Record<string, string> | null;
  labels?: AsideLabels;
}) {
  // Readings are drawn (ruby, interlinear pinyin) or coloured by tone: they follow the speech.
  const readsAloud = style.annotation !== 'none' || style.interlinear || style.toneColours;
  if (block.kind === 'table') {
    const rows = block.sentences.map(([bead, words]) => {
      const cells = cellsOf(words);
      return {
        bead,
        className: 'zs',
        lengths: cells.map((cell) => [...cell.map(textOfWord).join('')].length),
        // Each cell is read on its own (一 and 不 change before the next syllable of the same cell only).
        cells: cells.map((cell, c) => (
          <ZhWords key={c} words={cell} style={style} glosses={glosses} readsAloud={readsAloud} />
        )),
      };
    });
    return <TableView headerRows={block.headerRows ?? 0} rows={rows} />;
  }
  return (
    <BlockElement kind={block.kind} level={block.level} role={block.role} labels={labels}>
      {block.sentences.map(([bead, words], s) => (
        <span key={s} className="zs" data-b={bead}>
          <ZhWords words={words} style={style} glosses={glosses} readsAloud={readsAloud} />
        </span>
      ))}
    </BlockElement>
  );
});

/** An English block: each sentence an `.es` span with its bead, or the block's sanitised HTML. */
export function EnBlockView({
  block,
  revealed,
  labels,
}: {
  block: ViewEnBlock;
  revealed: ReadonlySet<number> | null;
  labels?: AsideLabels;
}) {
  const beads = [...new Set(block.sentences.map(([bead]) => bead))];
  if (block.kind === 'table') {
    const rows = block.sentences.map(([bead, text]) => ({
      bead,
      className: revealed === null || revealed.has(bead) ? 'es' : 'es es-hidden',
      cells: text.split('\t'),
      lengths: text.split('\t').map((cell) => [...cell].length),
    }));
    return <TableView headerRows={block.headerRows ?? 0} rows={rows} />;
  }
  if (block.html !== undefined && block.html !== '') {
    // The ingest's HTML carries its own element (<p>, <li>, …), so it goes in a neutral box.
    // `html` comes only from EnBlock.html, which the ingest produced with rehype-sanitize.
    const shown = revealed === null || beads.every((b) => revealed.has(b));
    return (
      <div
        className={`${classOf(block.kind, block.level, block.role)} b-html es${shown ? '' : ' es-hidden'}`}
        data-b={beads.join(' ')}
        dangerouslySetInnerHTML={{ __html: block.html }}
      />
    );
  }
  return (
    <BlockElement kind={block.kind} level={block.level} role={block.role} labels={labels}>
      {block.sentences.map(([bead, text], s) => (
        <Fragment key={s}>
          {s > 0 ? ' ' : null}
          <span className={revealed === null || revealed.has(bead) ? 'es' : 'es es-hidden'} data-b={bead}>
            {text}
          </span>
        </Fragment>
      ))}
    </BlockElement>
  );
}
