import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

// One window for the process: DOMPurify needs a DOM to parse into. jsdom is the DOM DOMPurify
// supports on Node (with happy-dom a <script> got through); it runs no scripts by default.
const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
if (!purify.isSupported) throw new Error('DOMPurify is not supported in this environment');

const ALLOWED_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'span', 'div', 'pre', 'code'];

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as unknown as { tagName: string; getAttribute(n: string): string | null; setAttribute(n: string, v: string): void; removeAttribute(n: string): void };
  if (el.tagName === 'A') {
    const href = el.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) el.removeAttribute('href');
    el.setAttribute('rel', 'noopener noreferrer nofollow');
    el.setAttribute('target', '_blank');
  }
  if (el.tagName === 'IMG') {
    // Remote images are tracking pixels until the reader asks for them: park the address.
    const src = el.getAttribute('src') ?? '';
    el.removeAttribute('src');
    el.removeAttribute('srcset');
    if (/^https?:\/\//i.test(src)) el.setAttribute('data-src', src);
  }
});

/**
 * Feed HTML reduced to an allowlist: no scripts, event handlers, iframes, forms, styles or
 * javascript: URLs; links only http(s); images kept as data-src so nothing loads by itself.
 */
export function sanitizeFeedHtml(html: string): string {
  return String(
    purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'data-src', 'rel', 'target', 'colspan', 'rowspan'],
      ALLOW_DATA_ATTR: false,
      FORBID_ATTR: ['style'],
    }),
  );
}

/** The text of sanitized HTML, for search and watchlists. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d|\/blockquote)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
