import { GlossPopoverLazy } from './GlossPopoverLazy';
import '@/app/styles/gloss.css';

/**
 * The reader's dictionary popover. Its strings come from the page's `NextIntlClientProvider`
 * (the `Gloss` namespace and `Reader.linkCopied`, picked in the reader page); this server
 * component only brings the popover's styles.
 */
export function GlossPopover({ doc }: { doc: { id: string; title: string } }) {
  return <GlossPopoverLazy doc={doc} />;
}
