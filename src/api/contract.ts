import { z } from 'zod';
import type { AuditEntry, AuditVerification } from '../audit/log';
import type { Me } from '../auth/service';
import type { UserView } from '../auth/users';
import type { BackupInfo } from '../storage/backups';
import type { OfficeSettings } from '../workspace/settings';
import type { WorkspaceStatus } from '../workspace/service';
import type { MyTasks, TimelineEntry } from '../releases/comments';
import type { ExportResult } from '../releases/export/index';
import type { ListItem } from '../releases/search';
import type { VersionSummary } from '../releases/service';
import type { Template } from '../releases/templates';
import type { DocumentView } from '../releases/views';
import type { PersonRef } from '../auth/people';
import type { VersionRecord } from '../releases/repo';
import type { AttachmentInfo } from '../storage/attachments';
import { RELEASE_KINDS, RELEASE_STATUSES, VERDICTS, type ReleaseKind } from '../shared/release-kinds';
import { CASE_KINDS, CASE_STATUSES, CLOSE_REASONS, PLATFORMS, SEVERITIES, type CaseConfig } from '../cases/config';
import type { CaseBoard, CaseStats, CaseSummary, CaseView } from '../cases/queries';
import type { FeedCandidate, FeedView, FolderView } from '../monitoring/feeds';
import type { ItemView, RiverItem } from '../monitoring/items';
import type { WatchlistView } from '../monitoring/watchlists';
import type { ChannelView } from '../publishing/channels';
import type { Prepared, PublicationView } from '../publishing/service';
import { CHANNEL_KINDS } from '../shared/channel-rules';

/**
 * Every method the UI can call, with the schema its input is parsed with (once, at the boundary)
 * and the type of its value. Both transports go through `dispatch` with these.
 *
 * access: 'public' needs no session; 'session' needs a signed-in user who has no pending forced
 * password change; 'session-any' lets that user in too (to change the password or sign out).
 */
export type Access = 'public' | 'session' | 'session-any';

export interface MethodSpec<S extends z.ZodType, O> {
  access: Access;
  input: S;
  /** Only carries the output type. */
  output?: O;
}

function returns<O>() {
  return <S extends z.ZodType>(access: Access, input: S): MethodSpec<S, O> => ({ access, input });
}

const none = z.object({}).strict();
const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
const password = z.string().min(1).max(200);
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, '3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung');
const role = z.enum(['admin', 'editor', 'writer', 'monitor']);
const email = z.union([z.email().max(200), z.literal('').transform(() => null), z.null()]);
const initials = trimmed(1, 6);

export const officeSchema = z.object({
  officeName: trimmed(3, 200),
  unitCode: trimmed(2, 30)
    .toUpperCase()
    .regex(/^[A-Z0-9 .&-]+$/, 'huruf, angka, spasi, titik, & atau tanda hubung'),
  city: trimmed(2, 80),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
});

const userId = z.number().int().positive();
const docId = z.number().int().positive();
const version = z.number().int().positive();
const releaseKind = z.enum(RELEASE_KINDS);
// Parsed in depth by the service (fields against the document's kind, body against the editor schema).
const caseId = z.number().int().positive();
const httpUrl = z.string().trim().max(2000).regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'URL http(s)');
const caseInput = z.object({
  kind: z.enum(CASE_KINDS),
  title: z.string().trim().min(5).max(300),
  details: z.string().max(20_000).default(''),
  platforms: z.array(z.enum(PLATFORMS)).max(8).default([]),
  sourceUrls: z.array(httpUrl).max(50).default([]),
  firstSeenAt: z.iso.datetime().nullable().default(null),
  reportedBy: z.string().max(200).default(''),
  reach: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  category: z.string().min(1).max(60),
  region: z.string().max(100).default(''),
  opd: z.string().max(200).default(''),
  severity: z.enum(SEVERITIES).optional(),
  assigneeId: z.number().int().positive().nullable().default(null),
  ticket: z.string().max(100).default(''),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  verdict: z.enum(VERDICTS).nullable().default(null),
});
const caseConfig = z.object({
  categories: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]{2,40}$/), label: z.string().trim().min(1).max(80), weight: z.number().int().min(0).max(3) })).min(1).max(50),
  regions: z.array(z.string().trim().min(1).max(100)).max(500),
  opds: z.array(z.string().trim().min(1).max(200)).max(200),
  targets: z.object({
    rumor: z.object({ low: z.number().int().min(0).max(60), medium: z.number().int().min(0).max(60), high: z.number().int().min(0).max(60), critical: z.number().int().min(0).max(60) }),
    complaint: z.object({ low: z.number().int().min(0).max(60), medium: z.number().int().min(0).max(60), high: z.number().int().min(0).max(60), critical: z.number().int().min(0).max(60) }),
  }),
});
const rowId = z.number().int().positive();
const folderName = trimmed(1, 100);
const riverScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('starred') }),
  z.object({ kind: z.literal('folder'), id: rowId }),
  z.object({ kind: z.literal('feed'), id: rowId }),
  z.object({ kind: z.literal('watchlist'), id: rowId }),
]);
const watchlistInput = z.object({
  name: trimmed(2, 100),
  query: trimmed(1, 500),
  folderIds: z.array(rowId).max(100).default([]),
  notify: z.boolean().default(false),
  spikeFactor: z.number().min(1.5).max(20).default(3),
});
const variant = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('website'),
    title: trimmed(1, 500),
    excerpt: z.string().max(2000).default(''),
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{0,90}$/, 'huruf kecil, angka dan tanda hubung').default(''),
    categories: z.array(trimmed(1, 100)).max(20).default([]),
    tags: z.array(trimmed(1, 100)).max(30).default([]),
    draft: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('social'), text: z.string().max(70_000), images: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10).default([]) }),
]);
const jsonObject = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'object');

export const contract = {
  'workspace.status': returns<WorkspaceStatus>()('public', none),
  'workspace.setup': returns<Me>()(
    'public',
    z.object({
      office: officeSchema,
      admin: z.object({ username, displayName: trimmed(2, 100), initials, email: email.default(null), password }),
    }),
  ),
  'workspace.updateOffice': returns<OfficeSettings>()('session', officeSchema),

  'auth.login': returns<Me>()('public', z.object({ username: z.string().max(100), password })),
  'auth.logout': returns<null>()('session-any', none),
  'auth.me': returns<Me>()('session-any', none),
  'auth.changePassword': returns<Me>()('session-any', z.object({ current: password, next: password })),

  'users.list': returns<UserView[]>()('session', none),
  'users.create': returns<UserView>()(
    'session',
    z.object({ username, displayName: trimmed(2, 100), initials, email: email.default(null), role, password }),
  ),
  'users.update': returns<UserView>()(
    'session',
    z.object({
      id: userId,
      displayName: trimmed(2, 100).optional(),
      initials: initials.optional(),
      email: email.optional(),
      role: role.optional(),
      active: z.boolean().optional(),
    }),
  ),
  'users.resetPassword': returns<UserView>()('session', z.object({ id: userId, password })),
  'users.unlock': returns<UserView>()('session', z.object({ id: userId })),

  'backups.list': returns<BackupInfo[]>()('session', none),
  'backups.create': returns<BackupInfo>()('session', none),
  'backups.restore': returns<{ safetyCopy: string }>()('session', z.object({ name: z.string().max(200) })),
  /** Desktop sends the file's bytes over IPC; the browser uploads to POST /api/upload/backup. */
  'backups.import': returns<BackupInfo>()(
    'session',
    z.object({ fileName: z.string().max(260), bytes: z.instanceof(Uint8Array) }),
  ),

  'audit.list': returns<AuditEntry[]>()(
    'session',
    z.object({
      action: z.string().max(60).optional(),
      actorId: userId.optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      text: z.string().max(200).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'audit.verify': returns<AuditVerification>()('session', none),

  /** Everyone signed in may see who their colleagues are (for @mentions and filters). */
  'users.directory': returns<(PersonRef & { username: string; role: Role })[]>()('session', none),

  'releases.create': returns<DocumentView>()('session', z.object({ kind: releaseKind })),
  'releases.get': returns<DocumentView>()('session', z.object({ id: docId })),
  'releases.save': returns<DocumentView>()(
    'session',
    z.object({ id: docId, baseVersion: version, title: z.string().max(500), fields: jsonObject, body: jsonObject, note: z.string().max(1000).optional(), overwrite: z.boolean().optional() }),
  ),
  'releases.autosave': returns<{ savedAt: string }>()(
    'session',
    z.object({ id: docId, baseVersion: version, title: z.string().max(500), fields: jsonObject, body: jsonObject }),
  ),
  'releases.discardAutosave': returns<null>()('session', z.object({ id: docId })),
  'releases.transition': returns<DocumentView>()(
    'session',
    z.object({
      id: docId,
      action: z.enum(['submit', 'approve', 'request_changes', 'mark_published', 'withdraw']),
      note: z.string().max(2000).optional(),
      url: z.string().max(2000).optional(),
    }),
  ),
  'releases.list': returns<{ items: ListItem[]; total: number; capped: boolean }>()(
    'session',
    z.object({
      q: z.string().max(200).optional(),
      kind: releaseKind.optional(),
      status: z.enum(RELEASE_STATUSES).optional(),
      authorId: userId.optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      sort: z.enum(['updated', 'created', 'title', 'relevance']).default('updated'),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  'releases.versions': returns<VersionSummary[]>()('session', z.object({ id: docId })),
  'releases.version': returns<Omit<VersionRecord, 'authorId'> & { author: PersonRef }>()('session', z.object({ id: docId, version })),
  'releases.restoreVersion': returns<DocumentView>()('session', z.object({ id: docId, version, baseVersion: version })),
  'releases.timeline': returns<TimelineEntry[]>()('session', z.object({ id: docId })),
  'releases.comment': returns<TimelineEntry>()('session', z.object({ id: docId, body: z.string().trim().min(1).max(5000) })),
  'releases.tasks': returns<MyTasks>()('session', none),
  'releases.mentionDone': returns<null>()('session', z.object({ commentId: z.number().int().positive() })),
  'releases.export': returns<ExportResult>()(
    'session',
    z.object({ id: docId, format: z.enum(['docx', 'pdf', 'html', 'markdown', 'whatsapp']), version: version.optional() }),
  ),
  'releases.templates': returns<{ templates: Record<ReleaseKind, Template>; numberPattern: string }>()('session', none),
  'releases.saveTemplate': returns<Template>()('session', z.object({ kind: releaseKind, title: z.string().max(500), fields: jsonObject, body: jsonObject })),
  'releases.resetTemplate': returns<Template>()('session', z.object({ kind: releaseKind })),
  'releases.setNumberPattern': returns<{ numberPattern: string; example: string }>()(
    'session',
    z.object({ pattern: z.string().trim().min(5).max(100).regex(/\{seq3?\}/, 'harus memuat {seq} atau {seq3}') }),
  ),

  'cases.create': returns<CaseView>()('session', caseInput),
  'cases.update': returns<CaseView>()('session', caseInput.omit({ kind: true }).extend({ id: caseId })),
  'cases.get': returns<CaseView>()('session', z.object({ id: caseId })),
  'cases.list': returns<{ items: CaseSummary[]; total: number }>()(
    'session',
    z.object({
      q: z.string().max(200).optional(),
      kind: z.enum(CASE_KINDS).optional(),
      status: z.enum([...CASE_STATUSES, 'open']).optional(),
      severity: z.enum(SEVERITIES).optional(),
      category: z.string().max(60).optional(),
      region: z.string().max(100).optional(),
      assigneeId: userId.optional(),
      urgency: z.enum(['overdue', 'due_today']).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  'cases.board': returns<CaseBoard>()('session', z.object({ kind: z.enum(CASE_KINDS) })),
  'cases.stats': returns<CaseStats>()('session', none),
  'cases.transition': returns<CaseView>()(
    'session',
    z.object({ id: caseId, to: z.enum(CASE_STATUSES), reason: z.enum(CLOSE_REASONS).optional(), note: z.string().max(2000).optional() }),
  ),
  'cases.similar': returns<(CaseSummary & { score: number })[]>()('session', z.object({ text: z.string().max(10_000), excludeId: caseId.optional() })),
  'cases.merge': returns<CaseView>()('session', z.object({ id: caseId, into: caseId })),
  'cases.addUrlEvidence': returns<CaseView>()('session', z.object({ id: caseId, url: httpUrl, name: z.string().max(255).default('') })),
  /** Desktop sends the bytes over IPC; the browser uploads to POST /api/upload/evidence?case=ID. */
  'cases.addFileEvidence': returns<CaseView>()('session', z.object({ id: z.coerce.number().int().positive(), fileName: z.string().max(260), bytes: z.instanceof(Uint8Array) })),
  'cases.exportEvidence': returns<{ fileName: string; base64: string }>()('session', z.object({ id: caseId })),
  'cases.draftClarification': returns<DocumentView>()('session', z.object({ id: caseId })),
  'cases.claimReview': returns<Record<string, unknown>>()('session', z.object({ documentId: docId })),
  'cases.settings': returns<{ config: CaseConfig; holidays: { day: string; name: string }[] }>()('session', none),
  'cases.saveConfig': returns<CaseConfig>()('session', caseConfig),
  'cases.setHolidays': returns<{ day: string; name: string }[]>()(
    'session',
    z.object({ add: z.array(z.object({ day: z.iso.date(), name: z.string().trim().min(1).max(200) })).max(100).default([]), remove: z.array(z.iso.date()).max(100).default([]) }),
  ),

  'feeds.list': returns<{ folders: FolderView[]; feeds: FeedView[]; starred: number }>()('session', none),
  /** A page that announces several feeds returns them as candidates, and subscribes to none yet. */
  'feeds.add': returns<{ feed: FeedView | null; candidates: FeedCandidate[] }>()(
    'session',
    z.object({ url: httpUrl, folderId: rowId.nullable().default(null), title: z.string().trim().max(300).default('') }),
  ),
  'feeds.update': returns<FeedView>()(
    'session',
    z.object({ id: rowId, title: z.string().trim().max(300).optional(), folderId: rowId.nullable().optional(), intervalMinutes: z.number().int().min(5).max(1440).optional() }),
  ),
  'feeds.setPaused': returns<FeedView>()('session', z.object({ id: rowId, paused: z.boolean() })),
  'feeds.remove': returns<null>()('session', z.object({ id: rowId })),
  'feeds.refresh': returns<{ feed: FeedView; newItems: number }>()('session', z.object({ id: rowId })),
  'feeds.createFolder': returns<FolderView>()('session', z.object({ name: folderName })),
  'feeds.renameFolder': returns<null>()('session', z.object({ id: rowId, name: folderName })),
  'feeds.deleteFolder': returns<null>()('session', z.object({ id: rowId })),
  'feeds.importOpml': returns<{ added: number; skipped: number; folders: number }>()('session', z.object({ text: z.string().max(5_000_000) })),
  'feeds.exportOpml': returns<{ fileName: string; text: string }>()('session', none),
  'items.list': returns<{ items: RiverItem[]; nextBefore: number | null }>()(
    'session',
    z.object({
      scope: riverScope.default({ kind: 'all' }),
      unreadOnly: z.boolean().default(false),
      q: z.string().max(500).optional(),
      before: rowId.optional(),
      limit: z.number().int().min(1).max(200).default(60),
      sort: z.enum(['newest', 'relevance']).default('newest'),
    }),
  ),
  'items.get': returns<ItemView>()('session', z.object({ id: rowId })),
  'items.mark': returns<null>()('session', z.object({ ids: z.array(rowId).min(1).max(500), read: z.boolean().optional(), starred: z.boolean().optional() })),
  'items.markAllRead': returns<{ marked: number }>()('session', z.object({ scope: riverScope, upTo: rowId })),
  'items.track': returns<{ caseId: number }>()('session', z.object({ id: rowId, kind: z.enum(CASE_KINDS) })),
  'watchlists.list': returns<WatchlistView[]>()('session', none),
  'watchlists.save': returns<WatchlistView>()('session', watchlistInput.extend({ id: rowId.optional() })),
  'watchlists.remove': returns<null>()('session', z.object({ id: rowId })),
  'watchlists.preview': returns<{ count: number; titles: string[] }>()('session', z.object({ query: trimmed(1, 500), folderIds: z.array(rowId).max(100).default([]) })),
  'watchlists.summary': returns<{ hits24h: number; unread: number; spiking: { id: number; name: string }[]; failingFeeds: number }>()('session', none),

  'channels.list': returns<ChannelView[]>()('session', none),
  'channels.save': returns<ChannelView>()(
    'session',
    z.object({
      id: rowId.optional(),
      kind: z.enum(CHANNEL_KINDS),
      name: trimmed(2, 100),
      baseUrl: z.string().trim().max(500).default(''),
      account: z.string().trim().max(200).default(''),
      active: z.boolean().default(true),
      secret: z.record(z.string(), z.string().max(4000)).default({}),
      /** When the admin knows it: the day the token stops working, for the reminder. */
      tokenExpiresOn: z.iso.date().nullable().optional(),
      settings: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
    }),
  ),
  'channels.remove': returns<null>()('session', z.object({ id: rowId })),
  'channels.test': returns<{ ok: boolean; account: string | null; message: string | null; channel: ChannelView }>()('session', z.object({ id: rowId })),
  'publications.prepare': returns<Prepared[]>()('session', z.object({ documentId: docId, channelIds: z.array(rowId).min(1).max(20) })),
  'publications.publish': returns<PublicationView[]>()(
    'session',
    z.object({ documentId: docId, items: z.array(z.object({ channelId: rowId, variant })).min(1).max(20), scheduledAt: z.iso.datetime().nullable().default(null) }),
  ),
  'publications.ofDocument': returns<PublicationView[]>()('session', z.object({ documentId: docId })),
  'publications.outbox': returns<PublicationView[]>()('session', z.object({ status: z.enum(['active', 'queued', 'scheduled', 'sending', 'sent', 'failed', 'unknown', 'cancelled']).optional() })),
  'publications.cancel': returns<null>()('session', z.object({ id: rowId })),
  'publications.retry': returns<null>()('session', z.object({ id: rowId })),
  'publications.resolve': returns<null>()('session', z.object({ id: rowId, posted: z.boolean(), url: httpUrl.nullable().default(null) })),

  /** Desktop sends the image bytes over IPC; the browser uploads to POST /api/upload/attachment. */
  'attachments.upload': returns<AttachmentInfo>()('session', z.object({ fileName: z.string().max(260), bytes: z.instanceof(Uint8Array) })),
  'attachments.read': returns<{ mime: string; base64: string }>()('session', z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Exclude<Contract[M]['output'], undefined>;

export interface ApiError {
  code: 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { AuditEntry, AuditVerification, BackupInfo, Me, OfficeSettings, UserView, WorkspaceStatus };
export type { CaseBoard, CaseConfig, CaseStats, CaseSummary, CaseView };
export type { FeedCandidate, FeedView, FolderView, ItemView, RiverItem, WatchlistView };
export type { ChannelView, Prepared, PublicationView };
export type { AttachmentInfo, DocumentView, ExportResult, ListItem, MyTasks, PersonRef, Template, TimelineEntry, VersionSummary };
export type { CoreEvent } from '../events/bus';
export type { Permission, Role } from '../auth/roles';
import type { Role } from '../auth/roles';
