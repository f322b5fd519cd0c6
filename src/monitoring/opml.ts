import { JSDOM } from 'jsdom';
import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { escapeHtml } from '../shared/escape-html';

export const MAX_OPML_FEEDS = 2000;

/** Subscriptions as OPML 2.0, one outline per folder, for other readers or another office. */
export function exportOpml(core: Core, actor: Actor): { fileName: string; text: string } {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const feeds = db.prepare('SELECT f.title, f.url, f.site_url, d.name AS folder FROM feeds f LEFT JOIN feed_folders d ON d.id = f.folder_id ORDER BY d.name, f.title').all() as {
    title: string;
    url: string;
    site_url: string | null;
    folder: string | null;
  }[];
  const outline = (f: (typeof feeds)[number]) =>
    `<outline type="rss" text="${escapeHtml(f.title || f.url)}" title="${escapeHtml(f.title || f.url)}" xmlUrl="${escapeHtml(f.url)}"${f.site_url ? ` htmlUrl="${escapeHtml(f.site_url)}"` : ''}/>`;
  const lines: string[] = [];
  for (const f of feeds.filter((x) => !x.folder)) lines.push(`    ${outline(f)}`);
  const folders = [...new Set(feeds.filter((x) => x.folder).map((x) => x.folder!))];
  for (const name of folders) {
    lines.push(`    <outline text="${escapeHtml(name)}" title="${escapeHtml(name)}">`);
    for (const f of feeds.filter((x) => x.folder === name)) lines.push(`      ${outline(f)}`);
    lines.push('    </outline>');
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Beranda Humas — langganan feed</title>
    <dateCreated>${core.now().toUTCString()}</dateCreated>
  </head>
  <body>
${lines.join('\n')}
  </body>
</opml>
`;
  return { fileName: `langganan-${core.now().toISOString().slice(0, 10)}.opml`, text };
}

interface OpmlFeed {
  url: string;
  title: string;
  siteUrl: string | null;
  folder: string | null;
}

export function parseOpml(text: string): OpmlFeed[] {
  let doc: Document;
  try {
    doc = new JSDOM(text, { contentType: 'text/xml' }).window.document;
  } catch (e) {
    throw new AppError('VALIDATION', 'monitoring.opmlInvalid', { reason: (e as Error).message.replace(/^about:blank:/, '') });
  }
  if (doc.documentElement.nodeName.toLowerCase() !== 'opml') throw new AppError('VALIDATION', 'monitoring.opmlInvalid', { reason: '<opml>' });
  const out: OpmlFeed[] = [];
  for (const el of doc.querySelectorAll('outline[xmlUrl], outline[xmlurl]')) {
    const url = (el.getAttribute('xmlUrl') ?? el.getAttribute('xmlurl') ?? '').trim();
    if (!/^https?:\/\//i.test(url)) continue;
    const parent = el.parentElement;
    const folder = parent && parent.nodeName.toLowerCase() === 'outline' && !parent.getAttribute('xmlUrl') ? (parent.getAttribute('text') ?? parent.getAttribute('title') ?? '').trim() : '';
    out.push({ url, title: (el.getAttribute('title') ?? el.getAttribute('text') ?? '').trim().slice(0, 300), siteUrl: el.getAttribute('htmlUrl'), folder: folder.slice(0, 100) || null });
  }
  return out;
}

/**
 * Subscribes to the feeds of an OPML file, creating its folders; feeds already followed are
 * skipped. First fetches are spread over two minutes rather than all at once.
 */
export function importOpml(core: Core, actor: Actor, text: string): { added: number; skipped: number; folders: number } {
  requirePermission(actor.user.role, 'monitoring.manage');
  const feeds = parseOpml(text);
  if (feeds.length > MAX_OPML_FEEDS) throw new AppError('VALIDATION', 'monitoring.tooManyFeeds', { max: MAX_OPML_FEEDS });
  const db = core.ws.db;
  const now = core.now().getTime();
  let added = 0;
  let folders = 0;
  db.transaction(() => {
    const folderIds = new Map<string, number>();
    for (const name of new Set(feeds.map((f) => f.folder).filter((x): x is string => !!x))) {
      const existing = db.prepare('SELECT id FROM feed_folders WHERE name = ?').get(name) as { id: number } | undefined;
      if (existing) folderIds.set(name, existing.id);
      else {
        folderIds.set(name, Number(db.prepare('INSERT INTO feed_folders (name) VALUES (?)').run(name).lastInsertRowid));
        folders++;
      }
    }
    const insert = db.prepare('INSERT OR IGNORE INTO feeds (url, title, site_url, folder_id, next_fetch_at, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const f of feeds) {
      const due = new Date(now + Math.floor(Math.random() * 120_000)).toISOString();
      added += insert.run(f.url, f.title, f.siteUrl, f.folder ? folderIds.get(f.folder)! : null, due, new Date(now).toISOString()).changes;
    }
    appendAudit(db, auditActor(actor), 'feed.imported', '', { added, folders }, core.now());
  })();
  core.events.publish({ type: 'feeds.changed' });
  return { added, skipped: feeds.length - added, folders };
}
