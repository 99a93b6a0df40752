'use client';

import { useTranslations } from 'next-intl';
import { flushSync } from 'react-dom';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { markPageKnown, useKnownWords } from '@/lib/learner/known-words-store';
import { statusOf } from '@/lib/learner/known-words';
import { HSK_TOP, shownScript, stepTextSize, textScale, toggleFlag, togglePinyin } from '@/lib/learner/settings';
import { contentsIn, wordParts } from '@/lib/reader/view';
import type { ScriptVariant } from '@/lib/model';
import type { ContentsEntry, ViewPair } from '@/lib/reader/view';
import { ContentsNav } from './ContentsNav';
import { pairAnchor } from './lang';
import { PairView } from './PairView';
import { ReaderToolbar } from './ReaderToolbar';
import { useReaderSettings } from './settings-store';
import { shortcutOf } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useOffscreenSkip } from './use-offscreen-skip';
import { markBead, useSentenceSync } from './use-sentence-sync';
import { useDocumentPairs, useHsk3Levels, useInterlinearGlosses, useScriptPairs } from './use-reader-data';
import { topmostPair, useReadingPosition } from './use-reading-position';
import { useChineseVoice, useSpeaker } from './use-speech';
import type { WordStyle } from './ZhWord';

export interface ReaderProps {
  docId: string;
  /** `lang` of the Chinese text as written. */
  lang: 'zh-Hans' | 'zh-Hant';
  /** The script the document is written in: the reader may read it in any other. */
  variant: ScriptVariant;
  /** The document has no translation: the Chinese alone. */
  solo: boolean;
  /** The first pairs, drawn from the page's HTML; the rest are fetched after it loads. */
  initial: ViewPair[];
  total: number;
  contents: ContentsEntry[];
}

/** Reveal mode: for each pair, the sentence beads shown, or 'all'. */
type Revealed = ReadonlyMap<number, ReadonlySet<number> | 'all'>;

const NO_BEADS: ReadonlySet<number> = new Set();

/** The Chinese sentences of a pair as speech wants them: bead index and text. */
function sentencesOf(pair: ViewPair, simplified: boolean) {
  return pair.zh.flatMap((block) =>
    block.sentences.map(([bead, words]) => ({
      index: bead,
      text: words.map((w) => (typeof w === 'string' ? w : simplified ? w[3] || w[0] : w[0])).join(''),
    })),
  );
}

/**
 * The parallel text and every reading aid. Settings live in localStorage (one set for all
 * documents) and the reading position per document; the server and the first client render use
 * the defaults, and the stored settings apply right after hydration.
 */
export function Reader({ docId, lang, variant, solo, initial, total, contents }: ReaderProps) {
  const t = useTranslations('ReaderAids');
  const [settings, update] = useReaderSettings();
  const statuses = useKnownWords();
  const [revealed, setRevealed] = useState<Revealed>(new Map());
  const [helpOpen, setHelpOpen] = useState(false);
  const [contentsOpen, setContentsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const voice = useChineseVoice(lang);
  const speaker = useSpeaker(voice);
  const shown = shownScript(settings.script, variant);
  const shownLang = shown === 'original' ? lang : shown === 'simplified' ? 'zh-Hans' : 'zh-Hant';
  const fetched = useDocumentPairs(docId, initial, total);
  const { pairs } = fetched;
  const complete = pairs.length >= total;
  const script = useScriptPairs(docId, shown === 'tw' || shown === 'hk' ? shown : null, pairs);
  const { drawn } = script;
  const loadFailed = fetched.failed || script.failed;
  const glosses = useInterlinearGlosses(docId, settings.interlinear);
  const levels3 = useHsk3Levels(docId, settings.hskStandard === 'hsk3');
  const { current, setCurrent, goTo, resumed, dismissResume } = useReadingPosition(docId, rootRef, {
    drawnCount: pairs.length,
    initialCount: initial.length,
    complete,
  });
  const toggleReveal = useCallback((id: number) => {
    setRevealed((map) => {
      const next = new Map(map);
      if (next.get(id) === 'all') next.delete(id);
      else next.set(id, 'all');
      return next;
    });
  }, []);

  const revealSentence = useCallback((id: number, beads: number[]) => {
    setRevealed((map) => {
      const shown = map.get(id);
      if (shown === 'all') return map;
      const next = new Map(map);
      next.set(id, new Set([...(shown ?? []), ...beads]));
      return next;
    });
  }, []);

  // The headings in the characters the text is drawn in.
  const shownContents = useMemo(
    () => (shown === 'original' ? contents : contentsIn(contents, drawn, shown === 'simplified')),
    [contents, drawn, shown],
  );

  const pairById = useMemo(() => new Map(drawn.map((p) => [p.id, p])), [drawn]);

  const listen = useCallback(
    (id: number) => {
      const pair = pairById.get(id);
      if (!pair) return;
      if (speaker.speaking?.key === id) speaker.stop();
      else speaker.speak(id, sentencesOf(pair, shown === 'simplified'));
    },
    [pairById, speaker, shown],
  );

  const step = useCallback(
    (delta: number) => {
      const root = rootRef.current;
      // Without a current pair, j starts at the pair in view and k at the one before it.
      const inView = root ? topmostPair(root) : null;
      const next =
        current !== null
          ? Math.max(0, Math.min(pairs.length - 1, current + delta))
          : Math.max(0, Math.min(pairs.length - 1, (inView ?? 0) + (delta > 0 ? 0 : -1)));
      goTo(next, true);
    },
    [current, pairs.length, goTo],
  );

  // Keyboard shortcuts (see shortcuts.ts); the popover keeps Escape and the arrow keys.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action || helpOpen) return;
      event.preventDefault();
      switch (action) {
        case 'next':
          return step(1);
        case 'previous':
          return step(-1);
        case 'pinyin':
          return update(togglePinyin);
        case 'reveal':
          if (!settings.reveal) return update({ reveal: true });
          return toggleReveal(current ?? 0);
        case 'interlinear':
          return update(toggleFlag('interlinear'));
        case 'contents':
          return window.matchMedia('(min-width: 1100px)').matches
            ? update(toggleFlag('contents'))
            : setContentsOpen((o) => !o);
        case 'listen':
          return voice ? listen(current ?? 0) : undefined;
        case 'larger':
          return update(stepTextSize(1));
        case 'smaller':
          return update(stepTextSize(-1));
        case 'help':
          return setHelpOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step, update, settings.reveal, toggleReveal, current, voice, listen, helpOpen]);

  // Buttons inside pairs (reveal, listen) and taps on hidden sentences, with one listener.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const pairEl = target?.closest<HTMLElement>('.pair');
      if (!target || !pairEl) return;
      const id = Number(pairEl.dataset.pair);
      // Marking the pair current waits for the popover a tap on a word opens in the same click.
      startTransition(() => setCurrent(id));
      const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'reveal') toggleReveal(id);
      else if (action === 'listen') listen(id);
      else {
        const hidden = target.closest<HTMLElement>('.es-hidden');
        if (hidden) revealSentence(id, (hidden.dataset.b ?? '').split(' ').map(Number));
      }
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [toggleReveal, revealSentence, listen, setCurrent]);

  useSentenceSync(rootRef, settings.sync);

  // The sentence being read aloud is marked on both sides, as sentence sync marks them.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const playing = speaker.speaking;
    markBead(
      root,
      'spoken',
      playing ? document.getElementById(pairAnchor(playing.key)) : null,
      playing ? [String(playing.sentence)] : [],
    );
  }, [speaker.speaking]);

  // Reading aids are drawn only on the pairs near the viewport: ruby for all 17,000 words of the
  // longest document is 70,000 elements and seconds of work on a slow machine, while a reader
  // sees a few hundred words at a time. Pairs further away keep their plain text (so search in
  // the page still finds it) and get their aids as they come near.
  const [near, setNear] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    // Drawing the aids of pairs coming near is a transition: a tap just after scrolling is
    // handled first (React yields to it), and the aids follow.
    const observer = new IntersectionObserver(
      (entries) =>
        startTransition(() =>
          setNear((previous) => {
            const next = new Set(previous);
            for (const entry of entries) {
              const id = Number((entry.target as HTMLElement).dataset.pair);
              if (entry.isIntersecting) next.add(id);
              else next.delete(id);
            }
            return next;
          }),
        ),
      { rootMargin: '100% 0px' },
    );
    for (const el of root.querySelectorAll('.pair')) observer.observe(el);
    return () => observer.disconnect();
  }, [drawn]);

  // Printing draws every pair with its aids, and goes back afterwards.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  // Word statuses colour every pair, near or far: a class per word, no extra elements.
  const shownStatuses = settings.statusColours ? statuses : null;
  const markNew = Object.keys(statuses).length > 0;
  const style: WordStyle = useMemo(
    () => ({
      annotation: settings.annotation,
      toneColours: settings.toneColours !== 'off',
      simplified: shown === 'simplified',
      hskMarks: settings.hskMarks,
      knownLevel: Math.min(settings.knownLevel, HSK_TOP[settings.hskStandard]),
      interlinear: settings.interlinear,
      hskStandard: settings.hskStandard,
      levels3,
      statuses: shownStatuses,
      markNew,
    }),
    [
      settings.annotation,
      settings.toneColours,
      shown,
      settings.hskMarks,
      settings.knownLevel,
      settings.interlinear,
      settings.hskStandard,
      levels3,
      shownStatuses,
      markNew,
    ],
  );

  const simplifiedScript = shown === 'simplified';
  const plainStyle: WordStyle = useMemo(
    () => ({
      annotation: 'none',
      toneColours: false,
      simplified: simplifiedScript,
      hskMarks: false,
      knownLevel: 0,
      interlinear: false,
      statuses: shownStatuses,
      markNew,
    }),
    [simplifiedScript, shownStatuses, markNew],
  );
  // A new object whenever pairs off screen may change size (near-viewport aids excepted, see
  // use-offscreen-skip.ts).
  const layoutKey = useMemo(
    () => ({}),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the values are the reasons for a new key, not its inputs
    [drawn, plainStyle, style, glosses, settings.textSize, settings.reveal, revealed, printing, solo],
  );
  useOffscreenSkip(rootRef, layoutKey);
  const aidsOn =
    settings.annotation !== 'none' ||
    settings.toneColours !== 'off' ||
    settings.hskMarks ||
    settings.interlinear ||
    settings.knownLevel > 0;

  // The document's words still new to the learner, for "mark the rest known" at its end.
  const newWords = useMemo(() => {
    if (!complete) return [];
    const found = new Set<string>();
    for (const pair of pairs)
      for (const block of pair.zh)
        for (const [, words] of block.sentences)
          for (const word of words) {
            if (typeof word === 'string') continue;
            const { simplified } = wordParts(word);
            if (statusOf(statuses, simplified) === 'new') found.add(simplified);
          }
    return [...found];
  }, [complete, pairs, statuses]);

  const rootClasses = [
    'reader-body',
    `tones-${settings.toneColours}`,
    `known-${settings.knownPinyin}`,
    settings.reveal ? 'reveal-mode' : '',
    settings.sync ? 'sync-on' : '',
    settings.contents && contents.length > 0 ? 'with-contents' : '',
    settings.annotation !== 'none' || settings.interlinear ? 'annotated' : '',
    `annotation-${settings.annotation}`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={rootRef}
      className={rootClasses}
      style={{ '--reader-scale': textScale(settings.textSize) } as CSSProperties}
    >
      <ReaderToolbar
        settings={settings}
        update={update}
        variant={variant}
        hasContents={contents.length > 0}
        onContents={() => setContentsOpen((o) => !o)}
        onHelp={() => setHelpOpen(true)}
      />
      {resumed !== null ? (
        <p className="resume-note" role="status">
          {t('resumed', { number: resumed + 1 })}{' '}
          <button
            type="button"
            onClick={() => {
              dismissResume();
              goTo(0, true);
            }}
          >
            {t('startOver')}
          </button>
          <button type="button" className="resume-close" aria-label={t('dismiss')} onClick={dismissResume}>
            ×
          </button>
        </p>
      ) : null}
      <div className="reader-layout">
        {contents.length > 0 ? (
          <ContentsNav
            contents={shownContents}
            current={current}
            lang={shownLang}
            open={contentsOpen}
            onClose={() => setContentsOpen(false)}
            onGo={(id) => {
              setContentsOpen(false);
              goTo(id, true);
            }}
          />
        ) : null}
        <div className={solo ? 'pairs pairs-solo' : 'pairs'} aria-busy={!complete && !loadFailed}>
          <div className="pairs-head" aria-hidden="true">
            <span />
            <span>{t('chinese')}</span>
            {solo ? null : <span>{t('english')}</span>}
          </div>
          {drawn.map((pair) => {
            const shown = revealed.get(pair.id);
            return (
              <PairView
                key={pair.id}
                pair={pair}
                style={aidsOn && (printing || near.has(pair.id)) ? style : plainStyle}
                glosses={glosses}
                lang={shownLang}
                solo={solo}
                revealed={!settings.reveal || shown === 'all' ? null : (shown ?? NO_BEADS)}
                current={current === pair.id}
                speaking={speaker.speaking?.key === pair.id ? speaker.speaking.sentence : null}
                canSpeak={voice !== null}
              />
            );
          })}
          {complete && newWords.length > 0 ? (
            <p className="mark-rest">
              <button type="button" className="button-link" onClick={() => markPageKnown(newWords)}>
                {t('markRestKnown', { count: newWords.length })}
              </button>{' '}
              <span className="hint">{t('markRestHint')}</span>
            </p>
          ) : null}
          {!complete ? (
            <p className="pairs-loading" role="status">
              {loadFailed ? t('loadFailed') : t('loadingRest', { count: total - pairs.length })}
            </p>
          ) : null}
        </div>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} canSpeak={voice !== null} />
    </div>
  );
}
