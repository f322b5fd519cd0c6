import createDOMPurify from 'dompurify';
import { decodeHTML } from 'entities';
import { JSDOM } from 'jsdom';

// One window for the process: DOMPurify needs a DOM to parse into. jsdom is the DOM DOMPurify
// supports on Node (with happy-dom a <script> got through); it runs no scripts by default.
const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
if (!purify.isSupported) throw new Error('DOMPurify is not supported in this environment');

const ALLOWED_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'span', 'div', 'pre', 'code'];

// The address relative links and images are resolved against, for the call in progress
// (sanitizing is synchronous, so one module-level value is safe).
let base: string | undefined;

function absolute(url: string): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as unknown as { tagName: string; getAttribute(n: string): string | null; setAttribute(n: string, v: string): void; removeAttribute(n: string): void };
  if (el.tagName === 'A') {
    const href = absolute(el.getAttribute('href') ?? '');
    if (/^https?:\/\//i.test(href)) el.setAttribute('href', href);
    else el.removeAttribute('href');
    el.setAttribute('rel', 'noopener noreferrer nofollow');
    el.setAttribute('target', '_blank');
  }
  if (el.tagName === 'IMG') {
    // Remote images are tracking pixels until the reader asks for them: park the address.
    const src = absolute(el.getAttribute('src') ?? '');
    el.removeAttribute('src');
    el.removeAttribute('srcset');
    if (/^https?:\/\//i.test(src)) el.setAttribute('data-src', src);
  }
});

/**
 * Feed HTML reduced to an allowlist: no scripts, event handlers, iframes, forms, styles or
 * javascript: URLs; links only http(s), relative ones resolved against `baseUrl` (the item's
 * link or its feed); images kept as data-src so nothing loads by itself.
 */
export function sanitizeFeedHtml(html: string, baseUrl?: string): string {
  base = baseUrl;
  try {
    return sanitizeNow(html);
  } finally {
    base = undefined;
  }
}

function sanitizeNow(html: string): string {
  return String(
    purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'data-src', 'rel', 'target', 'colspan', 'rowspan'],
      ALLOW_DATA_ATTR: false,
      FORBID_ATTR: ['style'],
    }),
  );
}

/**
 * The text of feed HTML, for search and watchlists: a tokenizer-level strip (no DOM), fast enough
 * to run on every item at ingest. The result is only ever used as text, never as markup.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim();
  return decodeHTML(
    html
      .replace(/<(script|style|noscript|template|iframe|svg|math)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(br|\/p|\/div|\/li|\/h\d|\/blockquote|\/tr|\/figcaption|\/pre)\b[^>]*>/gi, '\n')
      .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[\u00a0\t]/g, ' ')
    // Only runs of two or more: replacing every single space costs more than all the rest.
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}
