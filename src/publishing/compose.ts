import { randomBytes } from 'node:crypto';
import type { DocumentRecord } from '../releases/repo';
import { checkVariant, countChars, LINK_PLACEHOLDER, LIMITS, TELEGRAM_CAPTION, type ChannelKind, type VariantProblem } from '../shared/channel-rules';
import { toBlocks, type Block } from '../shared/doc-model';
import type { ReleaseKind } from '../shared/release-kinds';
import { slugify } from '../shared/slug';
import type { SocialVariant, Variant, WebsiteVariant } from './adapters/types';
import type { ChannelRow } from './channels';

const CATEGORY: Record<ReleaseKind, string> = { siaran_pers: 'Siaran Pers', klarifikasi: 'Klarifikasi', hak_jawab: 'Hak Jawab' };

/** A short unique marker: the publication's Idempotency-Key, and the end of the website post's slug. */
export function newMarker(): string {
  return `bh${randomBytes(5).toString('hex')}`;
}

function text(b: Block): string {
  return b.type === 'paragraph' || b.type === 'heading' ? b.runs.map((r) => r.text).join('') : '';
}

/** The lead: the first paragraph, which the house style makes the whole story in brief. */
export function lead(doc: DocumentRecord): string {
  const first = toBlocks(doc.body).find((b) => b.type === 'paragraph' && text(b).trim());
  return first ? text(first).trim() : '';
}

function images(doc: DocumentRecord): string[] {
  return toBlocks(doc.body)
    .filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image')
    .map((b) => b.src.replace(/^att:/, ''));
}

/** Cuts text to fit a count, at a word, with an ellipsis. */
function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/**
 * One variant per channel from an approved release: the website gets the full text (laid out at
 * send time from the approved version); social channels the headline, the lead and the website
 * link, with the first photo where the network takes one.
 */
export function composeVariant(doc: DocumentRecord, channel: ChannelRow, withWebsite: boolean): Variant {
  if (channel.kind === 'wordpress') {
    return { kind: 'website', title: doc.title, excerpt: fit(lead(doc), 300), slug: slugify(doc.title, 70), categories: [CATEGORY[doc.kind]], tags: [], draft: false } satisfies WebsiteVariant;
  }
  const kind = channel.kind as Exclude<ChannelKind, 'wordpress'>;
  const link = withWebsite ? LINK_PLACEHOLDER : (doc.publishedUrl ?? '');
  const pics = images(doc).slice(0, LIMITS[kind].maxImages);
  const max = (JSON.parse(channel.settings) as { maxCharacters?: number }).maxCharacters ?? LIMITS[kind].maxChars;
  const head = doc.title.trim();
  const tail = link ? `\n\n${link}` : '';
  // X threads long text; elsewhere the lead is shortened to leave room for the headline and link,
  // counted as the network counts them (a link as 23 on Mastodon).
  const limit = kind === 'telegram' && pics.length ? TELEGRAM_CAPTION : max;
  const room = kind === 'x' ? Infinity : limit - countChars(kind, `${head}

${tail}`) - 1;
  const body = lead(doc);
  const text = `${head}\n\n${room === Infinity ? body : fit(body, Math.max(40, room))}${tail}`;
  return { kind: 'social', text, images: pics } satisfies SocialVariant;
}

export function variantProblems(channel: ChannelRow, v: Variant): VariantProblem[] {
  if (v.kind === 'website') return v.title.trim() ? [] : [{ code: 'empty' }];
  const max = (JSON.parse(channel.settings) as { maxCharacters?: number }).maxCharacters;
  return checkVariant(channel.kind as Exclude<ChannelKind, 'wordpress'>, v.text, v.images.length, max);
}

