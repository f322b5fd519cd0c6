import { generateHTML } from '@tiptap/html/server';
import { releaseExtensions, type DocJSON } from '../../shared/editor-schema';
import { contactLine, type ReleaseLayout } from './layout';
import { escapeHtml } from '../../shared/escape-html';

const esc = escapeHtml;

const STYLE = `body{font-family:'Noto Serif',Georgia,serif;max-width:720px;margin:40px auto;padding:0 16px;line-height:1.6;color:#1b2430}
.kind{font-family:sans-serif;font-weight:700;letter-spacing:.08em;color:#14304f}.meta{font-family:sans-serif;font-size:.9em;color:#555}
h1{font-size:1.6em;line-height:1.25;margin:.6em 0}blockquote{border-left:3px solid #c99a2e;margin:1em 0;padding:.1em 1em;color:#333}
figure{margin:1.2em 0}figure img{max-width:100%}figcaption{font-size:.9em;color:#555}.contact,.boilerplate{font-size:.92em}`;

/** The body with the same extension list the editor uses: dateline, figures, and the writer's initials. */
function bodyHtml(l: ReleaseLayout, body: DocJSON, image: (src: string) => string): string {
  let html = generateHTML(body, releaseExtensions());
  html = html.replace(/<p>(?!<\/p>)/, `<p><strong>${esc(l.dateline)}</strong> `);
  html = html.replace(/<img ([^>]*)>/g, (_, attrs: string) => {
    const src = /src="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const alt = /alt="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const caption = /data-caption="([^"]*)"/.exec(attrs)?.[1] ?? '';
    return `<figure><img src="${esc(image(src.replace(/&amp;/g, '&')))}" alt="${alt}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  });
  const closing = ` ${esc(l.closing)}`;
  const lastP = html.lastIndexOf('</p>');
  if (lastP >= 0 && !l.sources.length) html = `${html.slice(0, lastP)}${closing}${html.slice(lastP)}`;
  return html;
}

function facts(l: ReleaseLayout): string {
  return l.facts.length ? `<dl class="meta">${l.facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${f.href ? `<a href="${esc(f.href)}">${esc(f.value)}</a>` : esc(f.value)}</dd>`).join('')}</dl>` : '';
}

function closingParts(l: ReleaseLayout): string[] {
  return [
    l.sources.length
      ? `<p><strong>Sumber:</strong></p><ul>${l.sources.map((s) => `<li><a href="${esc(s.url)}">${esc(s.title || s.url)}</a></li>`).join('')}</ul><p>${esc(l.closing)}</p>`
      : '',
    l.boilerplate ? `<p class="boilerplate"><em>${esc(l.boilerplate)}</em></p>` : '',
    l.contact ? `<p class="contact"><strong>Narahubung:</strong> ${esc(contactLine(l.contact))}</p>` : '',
  ];
}

/**
 * The release as a website post's content: the title is the post's own, so it starts with the
 * correction note (when there is one), the facts and the body.
 */
export function websiteArticle(l: ReleaseLayout, body: DocJSON, image: (src: string) => string, correction?: { date: string; note: string }): string {
  const parts = [
    correction ? `<p class="correction"><em><strong>Ralat (${esc(correction.date)}):</strong> ${esc(correction.note)}</em></p>` : '',
    l.number ? `<p class="meta">Nomor: ${esc(l.number)}</p>` : '',
    facts(l),
    bodyHtml(l, body, image),
    ...closingParts(l),
  ];
  return parts.filter(Boolean).join('\n');
}

/** The body rendered with the same extension list the editor uses, then dressed as a release. */
export function toHtml(l: ReleaseLayout, body: DocJSON, image: (src: string) => string): string {
  const parts = [
    `<p class="kind">${esc(l.kindLabel)}</p>`,
    `<p class="meta">${esc(l.officeName)}${l.number ? `<br>Nomor: ${esc(l.number)}` : ''}${l.releaseLine ? `<br><strong>${esc(l.releaseLine)}</strong>` : ''}</p>`,
    `<h1>${esc(l.headline)}</h1>`,
    l.correctionNote ? `<p class="meta"><em>Ralat: ${esc(l.correctionNote)}</em></p>` : '',
    facts(l),
    bodyHtml(l, body, image),
    ...closingParts(l),
  ];
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${esc(l.headline)}</title><style>${STYLE}</style></head>
<body>
${parts.filter(Boolean).join('\n')}
</body></html>
`;
}
