'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import {
  HSK_STANDARDS,
  HSK_TOP,
  scriptChoices,
  shownScript,
  stepTextSize,
  TEXT_SIZE_MAX,
  TEXT_SIZE_MIN,
  textScale,
  toggleFlag,
  togglePinyin,
  type HskStandard,
  type ReaderSettings,
} from '@/lib/learner/settings';
import type { ScriptVariant } from '@/lib/model';

type Update = (change: Partial<ReaderSettings> | ((s: ReaderSettings) => Partial<ReaderSettings>)) => void;

/** A group of radio buttons for one setting. */
function Choice<K extends 'annotation' | 'toneColours' | 'script' | 'knownPinyin'>({
  name,
  legend,
  options,
  settings,
  update,
}: {
  name: K;
  legend: string;
  options: ReadonlyArray<{ value: ReaderSettings[K]; label: string }>;
  settings: ReaderSettings;
  update: Update;
}) {
  const id = useId();
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map(({ value, label }) => (
        <label key={value}>
          <input
            type="radio"
            name={`${id}-${name}`}
            value={value}
            checked={settings[name] === value}
            onChange={() => update({ [name]: value } as Partial<ReaderSettings>)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Check({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}

/** A toolbar button that turns an aid on or off; its label hides on phones, its name stays. */
function BarToggle({
  pressed,
  onClick,
  label,
  shortcut,
  icon,
  iconLang,
}: {
  pressed: boolean;
  onClick: () => void;
  label: string;
  shortcut: string;
  icon: string;
  iconLang?: string;
}) {
  return (
    <button
      type="button"
      className="bar-toggle"
      aria-pressed={pressed}
      onClick={onClick}
      title={`${label} (${shortcut})`}
    >
      <span aria-hidden="true" className="bar-icon" lang={iconLang}>
        {icon}
      </span>
      <span className="bar-label">{label}</span>
    </button>
  );
}

/** Smaller / larger text, with the current scale between. */
function TextSize({ settings, update, className }: { settings: ReaderSettings; update: Update; className: string }) {
  const t = useTranslations('ReaderAids');
  return (
    <span className={className} role="group" aria-label={t('textSize')}>
      <button
        type="button"
        className="bar-button"
        onClick={() => update(stepTextSize(-1))}
        disabled={settings.textSize <= TEXT_SIZE_MIN}
        aria-label={t('smaller')}
        title={`${t('smaller')} (-)`}
      >
        A−
      </button>
      <output className="bar-size-value">{Math.round(textScale(settings.textSize) * 100)}%</output>
      <button
        type="button"
        className="bar-button"
        onClick={() => update(stepTextSize(1))}
        disabled={settings.textSize >= TEXT_SIZE_MAX}
        aria-label={t('larger')}
        title={`${t('larger')} (+)`}
      >
        A+
      </button>
    </span>
  );
}

/**
 * The reader's toolbar: the aids used most as toggle buttons, and a panel with every setting.
 * Sticky at the top of the window, so a toggle is always one tap away.
 */
export function ReaderToolbar({
  settings,
  update,
  variant,
  hasContents,
  onContents,
  onHelp,
}: {
  settings: ReaderSettings;
  update: Update;
  /** The script the document is written in: every other one is offered. */
  variant: ScriptVariant;
  hasContents: boolean;
  onContents: () => void;
  onHelp: () => void;
}) {
  const t = useTranslations('ReaderAids');
  const scriptLabels = {
    original: variant === 'simplified' ? t('scriptOriginalSimplified') : t('scriptOriginal'),
    simplified: t('scriptSimplified'),
    tw: t('scriptTW'),
    hk: t('scriptHK'),
  };
  const [panelOpen, setPanelOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!panelOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setPanelOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPanelOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [panelOpen]);

  const top = HSK_TOP[settings.hskStandard];
  const levels = Array.from({ length: top }, (_, i) => i + 1);
  const levelName = (level: number) => (settings.hskStandard === 'hsk3' && level === 7 ? '7–9' : String(level));
  return (
    <div className="reader-bar" role="toolbar" aria-label={t('toolbar')}>
      <BarToggle
        pressed={settings.annotation !== 'none'}
        onClick={() => update(togglePinyin)}
        label={t('pinyin')}
        shortcut="p"
        icon="拼"
        iconLang="zh-Hans"
      />
      <BarToggle
        pressed={settings.reveal}
        onClick={() => update(toggleFlag('reveal'))}
        label={t('reveal')}
        shortcut="r"
        icon="◐"
      />
      <BarToggle
        pressed={settings.interlinear}
        onClick={() => update(toggleFlag('interlinear'))}
        label={t('interlinear')}
        shortcut="i"
        icon="≡"
      />
      {hasContents ? (
        <button type="button" className="bar-button bar-contents" onClick={onContents} title={`${t('contents')} (c)`}>
          <span aria-hidden="true" className="bar-icon">
            ☰
          </span>
          <span className="bar-label">{t('contents')}</span>
        </button>
      ) : null}
      <TextSize settings={settings} update={update} className="bar-size" />
      <button
        ref={buttonRef}
        type="button"
        className="bar-button bar-settings"
        aria-expanded={panelOpen}
        aria-controls={panelId}
        onClick={() => setPanelOpen((o) => !o)}
      >
        <span aria-hidden="true" className="bar-icon">
          ⚙
        </span>
        <span className="bar-label">{t('settings')}</span>
      </button>
      <button
        type="button"
        className="bar-button bar-help"
        onClick={onHelp}
        aria-label={t('shortcuts')}
        title={`${t('shortcuts')} (?)`}
      >
        ?
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className="settings-panel"
        hidden={!panelOpen}
        role="group"
        aria-label={t('settings')}
      >
        <Choice
          name="annotation"
          legend={t('annotation')}
          settings={settings}
          update={update}
          options={[
            { value: 'none', label: t('annotationNone') },
            { value: 'pinyin', label: t('pinyin') },
            { value: 'zhuyin', label: t('zhuyin') },
          ]}
        />
        <Choice
          name="toneColours"
          legend={t('toneColours')}
          settings={settings}
          update={update}
          options={[
            { value: 'off', label: t('off') },
            { value: 'standard', label: t('toneStandard') },
            { value: 'pleco', label: t('tonePleco') },
          ]}
        />
        <Choice
          name="script"
          legend={t('script')}
          // A stored choice that is this document's own script shows as "original".
          settings={{ ...settings, script: shownScript(settings.script, variant) }}
          update={update}
          options={scriptChoices(variant).map((value) => ({ value, label: scriptLabels[value] }))}
        />
        <fieldset className="choice">
          <legend>{t('hsk')}</legend>
          <label className="select">
            <span>{t('hskStandard')}</span>
            <select
              className="hsk-standard-select"
              value={settings.hskStandard}
              onChange={(e) => update({ hskStandard: e.target.value as HskStandard })}
            >
              {HSK_STANDARDS.map((standard) => (
                <option key={standard} value={standard}>
                  {t(standard === 'hsk3' ? 'hsk3' : 'hsk2')}
                </option>
              ))}
            </select>
          </label>
          <Check checked={settings.hskMarks} onChange={(on) => update({ hskMarks: on })}>
            {t('hskMarks')}
          </Check>
          <label className="select">
            <span>{t('knownLevel')}</span>
            <select
              value={Math.min(settings.knownLevel, top)}
              onChange={(e) => update({ knownLevel: Number(e.target.value) })}
            >
              <option value={0}>{t('knownNone')}</option>
              {levels.map((level) => (
                <option key={level} value={level}>
                  {t('hskLevel', { level: levelName(level) })}
                </option>
              ))}
            </select>
          </label>
          {settings.hskMarks ? (
            <span className="hsk-legend">
              {levels.map((level) => (
                <span key={level} style={{ '--swatch': `var(--hsk-${level})` } as CSSProperties}>
                  {levelName(level)}
                </span>
              ))}
              <span style={{ '--swatch': 'var(--hsk-0)' } as CSSProperties}>{t('hskOutside')}</span>
            </span>
          ) : null}
        </fieldset>
        <Choice
          name="knownPinyin"
          legend={t('knownPinyin')}
          settings={settings}
          update={update}
          options={[
            { value: 'show', label: t('knownShow') },
            { value: 'soften', label: t('knownSoften') },
            { value: 'hide', label: t('knownHide') },
          ]}
        />
        <fieldset className="choice">
          <legend>{t('textSize')}</legend>
          <TextSize settings={settings} update={update} className="panel-size" />
        </fieldset>
        <fieldset className="choice">
          <legend>{t('reading')}</legend>
          <Check checked={settings.reveal} onChange={(on) => update({ reveal: on })}>
            {t('revealLong')}
          </Check>
          <Check checked={settings.interlinear} onChange={(on) => update({ interlinear: on })}>
            {t('interlinearLong')}
          </Check>
          <Check checked={settings.sync} onChange={(on) => update({ sync: on })}>
            {t('sync')}
          </Check>
          <Check checked={settings.statusColours} onChange={(on) => update({ statusColours: on })}>
            {t('statusColours')}
          </Check>
        </fieldset>
      </div>
    </div>
  );
}
