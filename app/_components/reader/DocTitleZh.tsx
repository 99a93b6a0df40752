'use client';

import { shownScript } from '@/lib/learner/settings';
import type { ScriptVariant } from '@/lib/model';
import type { TitleScripts } from '@/lib/store/reader';
import { useReaderSettings } from './settings-store';

/**
 * The header's Chinese title in the script the text is shown in (the reader's choice, stored in
 * this browser): the server draws the document's own script, the stored choice applies once
 * hydrated, as it does for the text and the contents sidebar.
 */
export function DocTitleZh({
  original,
  scripts,
  variant,
  lang,
}: {
  original: string;
  scripts: TitleScripts;
  variant: ScriptVariant;
  lang: string;
}) {
  const [settings] = useReaderSettings();
  const shown = shownScript(settings.script, variant);
  const title = shown === 'original' ? original : scripts[shown];
  const shownLang = shown === 'original' ? lang : shown === 'simplified' ? 'zh-Hans' : 'zh-Hant';
  return (
    <span className="title-zh" lang={shownLang}>
      {title}
    </span>
  );
}
