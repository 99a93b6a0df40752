/**
 * What survives of an HTML source: rehype-sanitize's default (GitHub's) schema, which removes
 * event handlers, `javascript:` URLs and every element it does not know, plus elements whose
 * *content* must go too. The default only strips `<script>`; unknown elements are otherwise
 * unwrapped and their text kept, so a `<style>` sheet or the page `<title>` would turn into a
 * paragraph of the document. Data apart from the code that uses it (as in rehype-sanitize).
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

export const HTML_SOURCE_SCHEMA: Options = {
  ...defaultSchema,
  // The corpus keeps text: an image would only make every reader fetch a URL the source chose.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'img' && t !== 'picture' && t !== 'source'),
  strip: [
    ...(defaultSchema.strip ?? []),
    'head', // the title, styles and metadata: not the document's text
    'style',
    'title',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'textarea',
    'select',
    'button',
  ],
};
