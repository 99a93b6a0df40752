/**
 * The import editor's state and every change to it, as one pure reducer: the texts and their
 * settings, the document's details, the preview, the pairs being edited with their undo stack, the
 * focused pair and an open split. The page dispatches actions; the rules (a changed text drops a
 * stale preview, an edit is undoable, undo keeps the focus in range) are tested without a browser.
 */
import type { PreviewResult } from '@/lib/import/preview';
import { canSplit, defaultCut, mergeWithNext, splitPair, type EditPair } from './pairs';

/** One side's input: pasted text or a chosen file, and its format. */
export interface Side {
  text: string;
  file: File | null;
  format: string;
}

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'previewing' | 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

interface Fields {
  title: string;
  titleEn: string;
  publication: string;
  translator: string;
  date: string;
  id: string;
}

interface Cut {
  zhCut: number;
  enCut: number;
}

export interface EditorState {
  /** Correcting a built document: its texts are fixed, so nothing invalidates its pairs. */
  existing: boolean;
  zh: Side;
  en: Side;
  encoding: string;
  variant: string;
  fields: Fields;
  status: Status;
  preview: PreviewResult | null;
  pairs: EditPair[];
  /** The pairs as the aligner (or the saved corrections) gave them: what "changed" is measured from. */
  autoPairs: EditPair[];
  /** Earlier pair lists, the last undone first (at most UNDO_DEPTH). */
  history: EditPair[][];
  focus: number;
  cut: Cut | null;
}

export type EditorAction =
  | { type: 'side'; side: 'zh' | 'en'; value: Side }
  | { type: 'encoding' | 'variant'; value: string }
  | { type: 'field'; key: keyof Fields; value: string }
  | { type: 'status'; status: Status }
  /** A preview answered: its pairs replace the list, or with corrections become an undoable edit. */
  | { type: 'previewed'; result: PreviewResult; withCorrections: boolean }
  | { type: 'merge'; index: number }
  | { type: 'openSplit'; index: number }
  | { type: 'cut'; cut: Cut | null }
  | { type: 'applySplit' }
  | { type: 'undo' }
  /** A pair row took the focus. */
  | { type: 'focus'; index: number }
  /** The j/k keys: the focus moves to a pair (kept in range) and an open split closes. */
  | { type: 'move'; index: number };

const UNDO_DEPTH = 200;
const emptySide: Side = { text: '', file: null, format: 'auto' };

export function initialEditorState(existingPairs: EditPair[] | null): EditorState {
  return {
    existing: existingPairs !== null,
    zh: emptySide,
    en: emptySide,
    encoding: 'auto',
    variant: 'auto',
    fields: { title: '', titleEn: '', publication: '', translator: '', date: '', id: '' },
    status: { kind: 'idle' },
    preview: null,
    pairs: existingPairs ?? [],
    autoPairs: existingPairs ?? [],
    history: [],
    focus: 0,
    cut: null,
  };
}

/** The pairs a preview proposes, as the editor edits them. */
export function previewPairs(p: PreviewResult): EditPair[] {
  return p.pairs.map((x) => ({ zh: x.zh, en: x.en, confidence: x.confidence, sentences: x.sentences }));
}

/** Where a move to pair `index` lands: on a pair, the first or the last when past either end. */
export function movedFocus(state: EditorState, index: number): number {
  return Math.max(0, Math.min(state.pairs.length - 1, index));
}

/** An undoable change of the pair list. */
function edited(state: EditorState, next: EditPair[]): EditorState {
  return { ...state, history: [...state.history.slice(-(UNDO_DEPTH - 1)), state.pairs], pairs: next, cut: null };
}

/** Any change to the texts or their settings makes the preview stale: it is dropped. */
function invalidated(state: EditorState): EditorState {
  return state.existing ? state : { ...state, preview: null, pairs: [], autoPairs: [], history: [] };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'side':
      return invalidated({ ...state, [action.side]: action.value });
    case 'encoding':
    case 'variant':
      return invalidated({ ...state, [action.type]: action.value });
    case 'field':
      return { ...state, fields: { ...state.fields, [action.key]: action.value } };
    case 'status':
      return { ...state, status: action.status };
    case 'previewed': {
      const next = previewPairs(action.result);
      const withPreview = { ...state, preview: action.result, status: { kind: 'idle' } as const };
      if (action.withCorrections) {
        // The pairs a person made keep their mark (confidence null) through the refresh.
        return edited(
          withPreview,
          next.map((p, i) => ({ ...p, confidence: state.pairs[i] ? state.pairs[i].confidence : p.confidence })),
        );
      }
      return { ...withPreview, pairs: next, autoPairs: next, history: [], focus: 0 };
    }
    case 'merge':
      return action.index + 1 < state.pairs.length ? edited(state, mergeWithNext(state.pairs, action.index)) : state;
    case 'openSplit': {
      const pair = state.pairs[action.index];
      return pair ? { ...state, focus: action.index, cut: defaultCut(pair) } : state;
    }
    case 'cut':
      return { ...state, cut: action.cut };
    case 'applySplit': {
      const { cut, focus, pairs } = state;
      if (!cut || !canSplit(pairs[focus], cut.zhCut, cut.enCut)) return state;
      return edited(state, splitPair(pairs, focus, cut.zhCut, cut.enCut));
    }
    case 'undo': {
      const previous = state.history.at(-1);
      if (!previous) return state;
      return {
        ...state,
        history: state.history.slice(0, -1),
        pairs: previous,
        cut: null,
        focus: Math.min(state.focus, previous.length - 1),
      };
    }
    case 'focus':
      return { ...state, focus: action.index };
    case 'move':
      return { ...state, focus: movedFocus(state, action.index), cut: null };
  }
}
