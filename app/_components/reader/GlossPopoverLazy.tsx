'use client';

import dynamic from 'next/dynamic';

/**
 * The popover's code (lookup, nested words, saving) is not needed to draw the text: it loads
 * right after the page has hydrated instead of delaying the first view. It renders nothing until
 * a word is opened, so there is nothing to render on the server either.
 */
export const GlossPopoverLazy = dynamic(() => import('./GlossPopoverClient').then((m) => m.GlossPopoverClient), {
  ssr: false,
});
