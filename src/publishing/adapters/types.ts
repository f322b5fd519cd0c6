import type { ChannelKind } from '../../shared/channel-rules';
import type { HttpRequest, HttpResponse } from '../http';
import { retryAfterMs } from '../http';

export interface ChannelConfig {
  id: number;
  kind: ChannelKind;
  name: string;
  baseUrl: string;
  account: string;
  settings: Record<string, unknown>;
}

export interface Media {
  sha256: string;
  name: string;
  mime: string;
  bytes: Buffer;
  alt: string;
  caption: string;
}

/** What the website gets: the approved text, laid out, plus what WordPress files it under. */
export interface WebsiteVariant {
  kind: 'website';
  title: string;
  excerpt: string;
  slug: string;
  categories: string[];
  tags: string[];
  draft: boolean;
}

/** What a social channel gets: its own text (with {tautan} for the website link) and images. */
export interface SocialVariant {
  kind: 'social';
  text: string;
  images: string[];
}

export type Variant = WebsiteVariant | SocialVariant;

export interface SendJob {
  id: number;
  marker: string;
  action: 'publish' | 'correct' | 'withdraw';
  variant: Variant;
  scheduledAt: string | null;
  /** For corrections and withdrawals: the post to change. */
  remoteId: string | null;
  progress: Record<string, unknown>;
}

export interface SendResult {
  remoteId: string;
  url: string | null;
}

export interface AdapterContext {
  channel: ChannelConfig;
  secret: Record<string, string>;
  http(req: HttpRequest): Promise<HttpResponse>;
  media(sha256: string): Media;
  now(): Date;
  /** Records a finished step of a multi-step send, so a retry does not repeat it. */
  saveProgress(progress: Record<string, unknown>): void;
  /** The website article for the job's document: HTML with its images as given by `image`. */
  article(image: (sha256: string) => string): { html: string; jsonLd: string | null };
  /** The website's address of the publication this one links to ({tautan}). */
  websiteUrl: string | null;
  /** Uploads an image to the office's WordPress media library: a public URL for Instagram. */
  publicImageUrl(sha256: string): Promise<string>;
}

/**
 * What went wrong, in the terms the outbox acts on: retry later (nothing was posted), the token
 * needs attention, the network refused the content, or the server failed (5xx) in a way that may
 * or may not have posted.
 */
export type FailureKind = 'retry' | 'auth' | 'rejected' | 'server';

export class ChannelError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface Adapter {
  /** A repeated request cannot create a second post (Mastodon's Idempotency-Key). */
  idempotent: boolean;
  test(ctx: AdapterContext): Promise<{ account: string; tokenExpiresAt: string | null }>;
  send(ctx: AdapterContext, job: SendJob): Promise<SendResult>;
  /** Looks for a publication that may have gone out, by the unique marker it carries. */
  reconcile?(ctx: AdapterContext, job: SendJob): Promise<SendResult | null>;
}

/** The generic reading of an HTTP error; adapters pass the network's own message. */
export function httpFailure(res: HttpResponse, message: string, now: Date): ChannelError {
  if (res.status === 429) return new ChannelError('retry', message, retryAfterMs(res.headers['retry-after'], now));
  if (res.status === 401) return new ChannelError('auth', message);
  if (res.status >= 500) return new ChannelError('server', message);
  return new ChannelError('rejected', message);
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
