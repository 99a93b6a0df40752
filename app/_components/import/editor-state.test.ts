import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '@/lib/import/preview';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from './editor-state';
import type { EditPair } from './pairs';

const auto: EditPair[] = [
  { zh: [0], en: [0], confidence: 0.9 },
  { zh: [1], en: [1], confidence: 0.86 },
  { zh: [2, 3], en: [2], confidence: 0.9 },
];

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const wire = (s: EditorState) => s.pairs.map((p) => [p.zh, p.en]);

// Only what the reducer reads of a preview: its pairs.
const preview = (pairs: EditPair[]) =>
  ({ pairs: pairs.map((p) => ({ ...p, confidence: p.confidence ?? 0.5, sentences: [] })) }) as unknown as PreviewResult;

describe('editorReducer', () => {
  it('merges, splits and undoes edits in order, each edit marking its pair as a person’s', () => {
    const start = initialEditorState(auto);
    const merged = run(start, { type: 'merge', index: 0 });
    expect(wire(merged)).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [[2, 3], [2]],
    ]);
    expect(merged.pairs[0]!.confidence).toBeNull();
    expect(merged.history).toEqual([auto]);

    const split = run(merged, { type: 'openSplit', index: 1 }, { type: 'applySplit' });
    expect(wire(split)).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [[2], [2]],
      [[3], []],
    ]);
    expect(split.cut).toBeNull();
    expect(split.history).toHaveLength(2);

    const back = run(split, { type: 'undo' }, { type: 'undo' });
    expect(back.pairs).toEqual(auto);
    expect(back.history).toEqual([]);
    expect(run(back, { type: 'undo' })).toBe(back);
  });

  it('ignores a merge of the last pair and a split that would leave a part empty', () => {
    const start = initialEditorState(auto);
    expect(run(start, { type: 'merge', index: 2 })).toBe(start);
    const opened = run(start, { type: 'openSplit', index: 0 }, { type: 'cut', cut: { zhCut: 0, enCut: 0 } });
    expect(run(opened, { type: 'applySplit' })).toBe(opened);
  });

  it('keeps the focus on a pair: moves are clamped and undo pulls it back in range', () => {
    const start = initialEditorState(auto);
    expect(run(start, { type: 'move', index: 9 }).focus).toBe(2);
    expect(run(start, { type: 'move', index: -1 }).focus).toBe(0);
    const atEnd = run(start, { type: 'openSplit', index: 2 }, { type: 'applySplit' }, { type: 'move', index: 3 });
    expect(atEnd.focus).toBe(3);
    expect(run(atEnd, { type: 'undo' }).focus).toBe(2);
  });

  it('a changed text drops a new document’s preview and pairs, never a built document’s', () => {
    const fresh = run(
      initialEditorState(null),
      { type: 'previewed', result: preview(auto), withCorrections: false },
      { type: 'merge', index: 0 },
    );
    expect(fresh.pairs).toHaveLength(2);
    const changed = run(fresh, { type: 'side', side: 'zh', value: { text: '新', file: null, format: 'auto' } });
    expect(changed.preview).toBeNull();
    expect(changed.pairs).toEqual([]);
    expect(changed.history).toEqual([]);
    expect(changed.zh.text).toBe('新');
    expect(run(fresh, { type: 'encoding', value: 'gb18030' }).pairs).toEqual([]);

    const built = run(initialEditorState(auto), { type: 'variant', value: 'simplified' });
    expect(built.pairs).toEqual(auto);
    expect(built.variant).toBe('simplified');
  });

  it('a refreshed preview with corrections is an undoable edit that keeps the person’s marks', () => {
    const edited = run(
      initialEditorState(null),
      { type: 'previewed', result: preview(auto), withCorrections: false },
      { type: 'merge', index: 0 },
    );
    const refreshed = run(edited, {
      type: 'previewed',
      result: preview([{ zh: [0, 1], en: [0, 1], confidence: 0.7 }, auto[2]!]),
      withCorrections: true,
    });
    expect(refreshed.pairs[0]!.confidence).toBeNull();
    expect(refreshed.pairs[1]!.confidence).toBe(0.9);
    expect(refreshed.status).toEqual({ kind: 'idle' });
    expect(run(refreshed, { type: 'undo' }).pairs).toEqual(edited.pairs);
    // A plain preview starts over: its pairs are the new baseline, with nothing to undo.
    const plain = run(edited, { type: 'previewed', result: preview(auto), withCorrections: false });
    expect(plain.autoPairs).toEqual(plain.pairs);
    expect(plain.history).toEqual([]);
    expect(plain.focus).toBe(0);
  });
});
