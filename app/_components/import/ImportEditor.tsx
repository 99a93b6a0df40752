'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';
import type { PreviewBlock, PreviewResult } from '@/lib/import/preview';
import type { VariantCounts } from '@/lib/add/detect';
import type { ScriptVariant } from '@/lib/model';
import type { BlocksFingerprint } from '@/lib/pipeline/corrections';
import type { ApiErrorAnswer, ImportPreviewAnswer, ImportSaveAnswer } from '@/app/api/_types';
import { editorReducer, initialEditorState, movedFocus, previewPairs, type Side, type Status } from './editor-state';
import { canSplit, samePairs, wirePairs, type EditPair } from './pairs';
import { useWriteToken } from './use-write-token';
import { useDropReason, useServerMessage } from './server-message';
import { LOW_CONFIDENCE } from '@/lib/base/confidence';

export interface ExistingDoc {
  id: string;
  title: string;
  lang: 'zh-Hans' | 'zh-Hant';
  zh: PreviewBlock[];
  en: PreviewBlock[];
  pairs: EditPair[];
  fingerprints: { zh: BlocksFingerprint; en: BlocksFingerprint };
}

type Access = { writable: true } | { writable: false; reason: string; tokenAccepted: boolean };

interface Props {
  locale: AppLocale;
  existing: ExistingDoc | null;
  access: Access;
  limitBytes: number;
}

/** The blocks and pairs being edited: from a preview, or from the built document. */
interface Working {
  zh: PreviewBlock[];
  en: PreviewBlock[];
  fingerprints: { zh: BlocksFingerprint; en: BlocksFingerprint };
  lang: 'zh-Hans' | 'zh-Hant';
  auto: EditPair[];
}

function fromPreview(p: PreviewResult): Working {
  return {
    zh: p.zh.blocks,
    en: p.en?.blocks ?? [],
    fingerprints: p.fingerprints,
    lang: p.zh.variant === 'simplified' ? 'zh-Hans' : 'zh-Hant',
    auto: previewPairs(p),
  };
}

/** The side as a file for the form: the chosen file, or the pasted text as UTF-8. */
function sideFile(side: Side, name: string): File | null {
  if (side.file) return side.file;
  if (side.text.trim() === '') return null;
  return new File([side.text], name, { type: 'text/plain' });
}

/** What a failed request says to the reader (send() words every failure for them). */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ImportEditor({ locale, existing, access, limitBytes }: Props) {
  const t = useTranslations('Import');
  const serverMessage = useServerMessage();
  const [token, setToken] = useWriteToken();
  const [tokenDraft, setTokenDraft] = useState('');
  const [state, dispatch] = useReducer(editorReducer, existing?.pairs ?? null, initialEditorState);
  const { zh, en, encoding, variant, fields, status, preview, pairs, autoPairs, history, focus, cut } = state;
  const setStatus = (next: Status) => dispatch({ type: 'status', status: next });
  const working: Working | null = useMemo(
    () =>
      existing
        ? {
            zh: existing.zh,
            en: existing.en,
            fingerprints: existing.fingerprints,
            lang: existing.lang,
            auto: existing.pairs,
          }
        : preview
          ? fromPreview(preview)
          : null,
    [existing, preview],
  );
  const rows = useRef<Array<HTMLLIElement | null>>([]);

  const writable = access.writable || token !== '';
  const authHeaders = useCallback((): HeadersInit => (token ? { Authorization: `Bearer ${token}` } : {}), [token]);

  // A preview of part of a long text (lib/import/window.ts): its pairs are not the whole document's,
  // so a correction made on them would not fit the saved text; they are shown, not edited.
  const partial = !existing && preview?.window != null;
  const undo = () => dispatch({ type: 'undo' });
  const merge = (i: number) => {
    if (!partial) dispatch({ type: 'merge', index: i });
  };
  const openSplit = (i: number) => {
    if (!partial) dispatch({ type: 'openSplit', index: i });
  };
  const applySplit = () => dispatch({ type: 'applySplit' });

  // Keys of the editor (shown on the page): not while typing in a field.
  useEffect(() => {
    if (!working) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const go = (i: number) => {
        const next = movedFocus(state, i);
        dispatch({ type: 'move', index: next });
        rows.current[next]?.focus();
      };
      if (event.key === 'j') go(focus + 1);
      else if (event.key === 'k') go(focus - 1);
      else if (event.key === 'm') merge(focus);
      else if (event.key === 's') openSplit(focus);
      else if (event.key === 'u') undo();
      else if (event.key === 'Escape') dispatch({ type: 'cut', cut: null });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const formData = (withCorrections: boolean): FormData | string => {
    const zhFile = sideFile(zh, 'pasted.txt');
    if (!zhFile) return t('needText');
    for (const f of [zhFile, sideFile(en, 'pasted-en.txt')])
      if (f && f.size > limitBytes) return t('tooBig', { limit: limitBytes / 1024 / 1024 });
    const form = new FormData();
    form.set('zh', zhFile);
    form.set('zhFormat', zh.format);
    const enFile = sideFile(en, 'pasted-en.txt');
    if (enFile) {
      form.set('en', enFile);
      form.set('enFormat', en.format);
    }
    form.set('encoding', encoding);
    form.set('variant', variant);
    if (withCorrections && working)
      form.set('corrections', JSON.stringify({ version: 1, ...working.fingerprints, pairs: wirePairs(pairs) }));
    return form;
  };

  async function send(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers: { ...authHeaders(), ...(init.headers ?? {}) } });
    } catch {
      throw new Error(t('errorNetwork'));
    }
    const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorAnswer>;
    if (!response.ok) throw new Error(serverMessage(body, response.status), { cause: body });
    return body;
  }

  const runPreview = async (withCorrections: boolean) => {
    const form = formData(withCorrections);
    if (typeof form === 'string') return setStatus({ kind: 'error', message: form });
    setStatus({ kind: 'busy', what: 'previewing' });
    try {
      const result = (await send('/api/import/preview', { method: 'POST', body: form })) as ImportPreviewAnswer;
      dispatch({ type: 'previewed', result, withCorrections });
    } catch (e) {
      setStatus({ kind: 'error', message: messageOf(e) });
    }
  };

  const save = async () => {
    if (!working) return;
    setStatus({ kind: 'busy', what: 'saving' });
    try {
      let id: string;
      if (existing) {
        await send(`/api/import/${existing.id}/alignment`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ pairs: wirePairs(pairs), basedOn: existing.fingerprints }),
        });
        id = existing.id;
      } else {
        if (fields.title.trim() === '' && fields.titleEn.trim() === '')
          return setStatus({ kind: 'error', message: t('needTitle') });
        const form = formData(!samePairs(pairs, autoPairs));
        if (typeof form === 'string') return setStatus({ kind: 'error', message: form });
        form.set('title', fields.title.trim() || fields.titleEn.trim());
        for (const key of ['titleEn', 'publication', 'translator', 'date', 'id'] as const)
          if (fields[key].trim() !== '') form.set(key, fields[key].trim());
        id = ((await send('/api/import', { method: 'POST', body: form })) as ImportSaveAnswer).id;
      }
      setStatus({ kind: 'saved' });
      window.location.assign(getPathname({ locale, href: `/read/${id}` }));
    } catch (e) {
      setStatus({ kind: 'error', message: messageOf(e) });
    }
  };

  const resetAuto = async () => {
    if (!existing || !window.confirm(t('resetConfirm'))) return;
    setStatus({ kind: 'busy', what: 'saving' });
    try {
      await send(`/api/import/${existing.id}/alignment`, { method: 'DELETE' });
      setStatus({ kind: 'saved' });
      window.location.assign(getPathname({ locale, href: `/read/${existing.id}` }));
    } catch (e) {
      setStatus({ kind: 'error', message: messageOf(e) });
    }
  };

  const busy = status.kind === 'busy' || status.kind === 'saved';
  const edits = working ? pairs.filter((p) => p.confidence === null).length : 0;

  return (
    <div className="import-editor">
      {!access.writable ? (
        <section className="notice read-only" aria-labelledby="read-only-title">
          <h2 id="read-only-title">{t('readOnly')}</h2>
          <p>{t('readOnlyHelp', { reason: access.reason })}</p>
          {access.tokenAccepted ? (
            <form
              className="token-form"
              onSubmit={(e) => {
                e.preventDefault();
                setToken(tokenDraft);
              }}
            >
              <label>
                {t('tokenLabel')}{' '}
                <input
                  type="password"
                  autoComplete="off"
                  value={tokenDraft}
                  onChange={(e) => setTokenDraft(e.target.value)}
                />
              </label>
              <button type="submit">{t('tokenUse')}</button>
              <p className="hint">{t('tokenHelp')}</p>
            </form>
          ) : null}
        </section>
      ) : null}

      {!existing && writable ? (
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview(false);
          }}
        >
          <div className="import-sides">
            <SideInput
              id="zh"
              label={t('chinese')}
              side={zh}
              lang="zh"
              onChange={(value) => dispatch({ type: 'side', side: 'zh', value })}
              limitBytes={limitBytes}
            />
            <SideInput
              id="en"
              label={t('english')}
              side={en}
              lang="en"
              onChange={(value) => dispatch({ type: 'side', side: 'en', value })}
              limitBytes={limitBytes}
            />
          </div>
          <div className="import-settings">
            <label>
              {t('encoding')}{' '}
              <select value={encoding} onChange={(e) => dispatch({ type: 'encoding', value: e.target.value })}>
                <option value="auto">{t('encodingAuto')}</option>
                {['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('variant')}{' '}
              <select value={variant} onChange={(e) => dispatch({ type: 'variant', value: e.target.value })}>
                <option value="auto">{t('variantAuto')}</option>
                <option value="simplified">{t('variantSimplified')}</option>
                <option value="traditional-HK">{t('variantHK')}</option>
                <option value="traditional-TW">{t('variantTW')}</option>
              </select>
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {status.kind === 'busy' && status.what === 'previewing' ? t('previewing') : t('preview')}
          </button>
        </form>
      ) : null}

      {status.kind === 'error' ? (
        <p className="import-error" role="alert">
          {status.message}
        </p>
      ) : null}
      <p className="import-status" role="status" aria-live="polite">
        {status.kind === 'busy' ? t(status.what) : status.kind === 'saved' ? t('saved') : ''}
      </p>

      {working && writable ? (
        <>
          {preview && !existing ? <PreviewSummary preview={preview} /> : null}
          <section className="pairs-section" aria-labelledby="pairs-title">
            <div className="pairs-head">
              <h2 id="pairs-title">{t('pairsTitle')}</h2>
              <p className="pairs-summary">
                {t('pairsSummary', {
                  pairs: pairs.length,
                  low: pairs.filter(
                    (p) => p.confidence !== null && p.confidence < LOW_CONFIDENCE && p.zh.length > 0 && p.en.length > 0,
                  ).length,
                  unaligned: pairs.filter((p) => p.zh.length === 0 || p.en.length === 0).length,
                  edits,
                })}
              </p>
              <p className="hint shortcuts-hint">{t('shortcuts')}</p>
              <div className="pairs-toolbar">
                <button type="button" onClick={undo} disabled={history.length === 0 || busy}>
                  {t('undo')}
                </button>
                {!existing ? (
                  <button type="button" onClick={() => void runPreview(true)} disabled={busy || edits === 0}>
                    {t('refresh')}
                  </button>
                ) : null}
              </div>
            </div>
            <div className="pairs-columns" aria-hidden="true">
              <span />
              <span>{t('tableZh')}</span>
              <span>{t('tableEn')}</span>
            </div>
            <ol className="pairs">
              {pairs.map((p, i) => (
                <PairRow
                  key={`${p.zh.join(',')}|${p.en.join(',')}`}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  index={i}
                  pair={p}
                  working={working}
                  focused={i === focus}
                  isLast={i === pairs.length - 1}
                  busy={busy || partial}
                  onFocus={() => dispatch({ type: 'focus', index: i })}
                  onMerge={() => merge(i)}
                  onSplit={() => openSplit(i)}
                >
                  {cut && i === focus ? (
                    <SplitPanel
                      number={i + 1}
                      pair={p}
                      cut={cut}
                      onChange={(next) => dispatch({ type: 'cut', cut: next })}
                      onApply={applySplit}
                      onCancel={() => dispatch({ type: 'cut', cut: null })}
                    />
                  ) : null}
                </PairRow>
              ))}
            </ol>
          </section>
          <section className="import-save" aria-label={existing ? t('saveCorrections') : t('save')}>
            {!existing ? (
              <div className="import-fields">
                {(
                  [
                    ['title', t('titleZh'), 'text'],
                    ['titleEn', t('titleEn'), 'text'],
                    ['publication', t('publication'), 'text'],
                    ['translator', t('translator'), 'text'],
                    ['date', t('date'), 'date'],
                    ['id', t('docId'), 'text'],
                  ] as const
                ).map(([key, label, type]) => (
                  <label key={key}>
                    {label}
                    <input
                      type={type}
                      name={key}
                      value={fields[key]}
                      maxLength={key === 'id' ? 100 : 500}
                      onChange={(e) => dispatch({ type: 'field', key, value: e.target.value })}
                    />
                  </label>
                ))}
                <p className="hint">{t('docIdHelp')}</p>
              </div>
            ) : null}
            <div className="save-buttons">
              <button
                type="button"
                className="primary"
                onClick={() => void save()}
                disabled={busy || (existing !== null && samePairs(pairs, autoPairs))}
              >
                {status.kind === 'busy' && status.what === 'saving'
                  ? t('saving')
                  : existing
                    ? t('saveCorrections')
                    : t('save')}
              </button>
              {existing ? (
                <button type="button" onClick={() => void resetAuto()} disabled={busy}>
                  {t('resetAuto')}
                </button>
              ) : null}
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}

function SideInput({
  id,
  label,
  side,
  lang,
  onChange,
  limitBytes,
}: {
  id: string;
  label: string;
  side: Side;
  lang: string;
  onChange: (s: Side) => void;
  limitBytes: number;
}) {
  const t = useTranslations('Import');
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const take = (file: File | undefined) => {
    if (file) onChange({ ...side, file, text: '' });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`side-input${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={`side-${id}`} className="side-label">
        {label}
      </label>
      {side.file ? (
        <p className="file-chosen">
          {t('fileChosen', { name: side.file.name, size: side.file.size })}{' '}
          {side.file.size > limitBytes ? <strong>{t('tooBig', { limit: limitBytes / 1024 / 1024 })}</strong> : null}
          <button type="button" onClick={() => onChange({ ...side, file: null })}>
            {t('clearFile')}
          </button>
        </p>
      ) : (
        <textarea
          id={`side-${id}`}
          name={id}
          lang={lang}
          rows={8}
          placeholder={t('pastePlaceholder')}
          value={side.text}
          onChange={(e) => onChange({ ...side, text: e.target.value })}
        />
      )}
      <div className="side-options">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('chooseFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"
          data-side={id}
          onChange={(e) => take(e.target.files?.[0])}
        />
        <label>
          {t('format')}{' '}
          <select value={side.format} onChange={(e) => onChange({ ...side, format: e.target.value })}>
            <option value="auto">{t('formatAuto')}</option>
            <option value="text">{t('formatText')}</option>
            <option value="markdown">{t('formatMarkdown')}</option>
            <option value="html">{t('formatHtml')}</option>
            <option value="docx">{t('formatDocx')}</option>
          </select>
        </label>
      </div>
    </div>
  );
}

function PreviewSummary({ preview }: { preview: PreviewResult }) {
  const t = useTranslations('Import');
  const refused = useTranslations('ImportErrors');
  const dropReason = useDropReason();
  const format = useFormatter();
  const variantName = {
    simplified: t('variantSimplified'),
    'traditional-HK': t('variantHK'),
    'traditional-TW': t('variantTW'),
  }[preview.zh.variant];
  return (
    <section className="preview-summary">
      <p>
        {t('detected', {
          encoding: preview.zh.encoding,
          confidence: preview.zh.encodingConfidence === null ? 'none' : String(preview.zh.encodingConfidence),
          variant: variantName,
          zhBlocks: preview.zh.blocks.length,
          enBlocks: preview.en?.blocks.length ?? 0,
          characters: preview.stats.characters,
        })}
      </p>
      <p className="hint">
        <VariantEvidence counts={preview.zh.variantCounts} variant={preview.zh.variant} />
      </p>
      {preview.window ? (
        <div className="preview-window" role="note">
          <p>
            {t('windowShown', {
              blocks: preview.zh.blocks.length,
              // One decimal: a window of a long text is often under 1%, which a whole percent would round to 0.
              share: format.number(preview.window.zh.shownChars / preview.window.zh.totalChars, {
                style: 'percent',
                maximumFractionDigits: 1,
              }),
              shown: preview.window.zh.shownChars,
              total: preview.window.zh.totalChars,
            })}
          </p>
          <p>
            {preview.window.saveRefused
              ? t('windowSaveRefused', {
                  reason: preview.window.saveRefusedDetail
                    ? refused(preview.window.saveRefusedDetail.code, preview.window.saveRefusedDetail.params)
                    : preview.window.saveRefused,
                })
              : t('windowSave')}
          </p>
        </div>
      ) : null}
      {preview.zh.dropped.length > 0 ? (
        <details>
          <summary>{t('dropped', { count: preview.zh.dropped.length })}</summary>
          <ul>
            {preview.zh.dropped.map((d) => (
              <li key={d.line}>
                {t.rich('droppedLine', {
                  line: d.line,
                  reason: dropReason(d.reason),
                  zh: () => <span lang="zh">{d.text}</span>,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.warnings.length > 0 ? (
        <details>
          <summary>
            {t('warnings')} ({preview.warnings.length})
          </summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** What told the script, in the page's language (the API's `variantEvidence` says it in English). */
function VariantEvidence({ counts, variant }: { counts: VariantCounts | null; variant: ScriptVariant }) {
  const t = useTranslations('Import');
  if (!counts) return t('variantGiven');
  if (counts.tooFew) return t('variantTooFew', { han: counts.han });
  const share = (n: number) => (counts.han === 0 ? 0 : n / counts.han);
  const said = [
    t('variantCounted', {
      han: counts.han,
      traditional: share(counts.traditional.n),
      tradChars: counts.traditional.chars || '—',
      simplified: share(counts.simplified.n),
      simpChars: counts.simplified.chars || '—',
    }),
  ];
  if (counts.hongKong && counts.taiwan)
    said.push(
      t('variantForms', {
        hk: counts.hongKong.n,
        hkChars: counts.hongKong.chars || '—',
        tw: counts.taiwan.n,
        twChars: counts.taiwan.chars || '—',
      }),
    );
  if (variant === 'traditional-TW') said.push(t('variantTWDefault'));
  return said.join(' ');
}

interface RowProps {
  index: number;
  pair: EditPair;
  working: Working;
  focused: boolean;
  isLast: boolean;
  busy: boolean;
  onFocus: () => void;
  onMerge: () => void;
  onSplit: () => void;
  children?: ReactNode;
  ref?: (el: HTMLLIElement | null) => void;
}

function PairRow({ index, pair, working, focused, isLast, busy, onFocus, onMerge, onSplit, children, ref }: RowProps) {
  const t = useTranslations('Import');
  const oneSided = pair.zh.length === 0 || pair.en.length === 0;
  const low = !oneSided && pair.confidence !== null && pair.confidence < LOW_CONFIDENCE;
  const zhSentences = pair.zh.flatMap((i) => working.zh[i]?.sentences ?? []);
  const enSentences = pair.en.flatMap((i) => working.en[i]?.sentences ?? []);
  const classes = [
    'pair-row',
    focused ? 'focused' : '',
    low ? 'low' : '',
    oneSided ? 'one-sided' : '',
    pair.confidence === null ? 'edited' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={ref}
      className={classes}
      tabIndex={focused ? 0 : -1}
      onFocus={onFocus}
      onClick={onFocus}
      aria-current={focused ? 'true' : undefined}
      data-pair={index + 1}
    >
      <div className="pair-meta">
        <span className="pair-number">{t('pairNumber', { number: index + 1 })}</span>
        {pair.confidence === null ? (
          <span className="badge edited-badge">{t('edited')}</span>
        ) : oneSided ? null : (
          <span className="badge confidence">{t('confidence', { value: pair.confidence.toFixed(2) })}</span>
        )}
        {low ? <span className="badge low-badge">{t('lowConfidence')}</span> : null}
        <span className="pair-actions">
          <button type="button" onClick={onMerge} disabled={isLast || busy} aria-keyshortcuts="m">
            {t('merge')}
          </button>
          <button
            type="button"
            onClick={onSplit}
            disabled={busy || pair.zh.length + pair.en.length < 2}
            aria-keyshortcuts="s"
          >
            {t('split')}
          </button>
        </span>
      </div>
      <div className="pair-side pair-zh" lang={working.lang}>
        {pair.zh.length === 0 ? <p className="empty-side">{t('noSource')}</p> : null}
        {pair.zh.map((i) => (
          <p key={i} className={`block block-${working.zh[i]?.kind ?? 'paragraph'}`} data-block={i}>
            {working.zh[i]?.text}
          </p>
        ))}
      </div>
      <div className="pair-side pair-en" lang="en">
        {pair.en.length === 0 ? <p className="empty-side">{t('untranslated')}</p> : null}
        {pair.en.map((i) => (
          <p key={i} className={`block block-${working.en[i]?.kind ?? 'paragraph'}`} data-block={i}>
            {working.en[i]?.text}
          </p>
        ))}
      </div>
      {!oneSided ? (
        pair.sentences ? (
          pair.sentences.length > 1 ? (
            <details className="pair-sentences">
              <summary>{t('sentencePairs', { count: pair.sentences.length })}</summary>
              <ol>
                {pair.sentences.map((s, k) => (
                  <li key={k}>
                    <span lang={working.lang}>{s.zh.map((z) => zhSentences[z]).join('')}</span>
                    <span lang="en">{s.en.map((e) => enSentences[e]).join(' ')}</span>
                  </li>
                ))}
              </ol>
            </details>
          ) : null
        ) : (
          <p className="hint pair-sentences">{t('sentencesAfterSave')}</p>
        )
      ) : null}
      {children}
    </li>
  );
}

function SplitPanel({
  number,
  pair,
  cut,
  onChange,
  onApply,
  onCancel,
}: {
  number: number;
  pair: EditPair;
  cut: { zhCut: number; enCut: number };
  onChange: (c: { zhCut: number; enCut: number }) => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('Import');
  const valid = canSplit(pair, cut.zhCut, cut.enCut);
  const options = (n: number) => Array.from({ length: n + 1 }, (_, k) => k);
  return (
    <div className="split-panel" role="group" aria-label={t('splitTitle', { number })}>
      <p className="split-title">{t('splitTitle', { number })}</p>
      <label>
        {t('splitZh')}{' '}
        <select value={cut.zhCut} onChange={(e) => onChange({ ...cut, zhCut: Number(e.target.value) })} autoFocus>
          {options(pair.zh.length).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('splitEn')}{' '}
        <select value={cut.enCut} onChange={(e) => onChange({ ...cut, enCut: Number(e.target.value) })}>
          {options(pair.en.length).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {!valid ? <p className="import-error">{t('splitInvalid')}</p> : null}
      <button type="button" className="primary" onClick={onApply} disabled={!valid}>
        {t('splitApply')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('splitCancel')}
      </button>
    </div>
  );
}
