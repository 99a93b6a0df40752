'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The list of keyboard shortcuts (`?`), in a native modal dialog: focus trap and Escape for free. */
export function ShortcutsDialog({
  open,
  onClose,
  canSpeak,
}: {
  open: boolean;
  onClose: () => void;
  canSpeak: boolean;
}) {
  const t = useTranslations('ReaderAids');
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <dl>
        {SHORTCUTS.filter(({ action }) => action !== 'listen' || canSpeak).map(({ action, keys }) => (
          <div key={action}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`key.${action}`)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>{t('key.words')}</dd>
        </div>
        <div>
          <dt>
            <kbd>1</kbd>–<kbd>4</kbd> <kbd>5</kbd> <kbd>x</kbd> <kbd>0</kbd>
          </dt>
          <dd>{t('key.status')}</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('key.escape')}</dd>
        </div>
      </dl>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  );
}
