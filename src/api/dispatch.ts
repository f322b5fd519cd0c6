import type { z } from 'zod';
import { hashToken, resolveSession } from '../auth/sessions';
import { findUserById } from '../auth/users';
import type { Actor, Core } from '../core';
import { AppError, isAppError } from '../errors';
import { translate, type Lang } from '../i18n/messages';
import { contract, isMethod, type ApiResult, type Method } from './contract';
import { handlers, type HandlerArgs } from './handlers';

export interface CallContext {
  /** The session token the transport holds for this caller (cookie or window), if any. */
  token?: string | undefined;
  lang: Lang;
  /** A short description of the caller for the audit log: "http 127.0.0.1" or "desktop". */
  client: string;
}

export interface DispatchOutcome {
  result: ApiResult<unknown>;
  /** What the transport must do with its stored session: set a new token, or clear it. */
  session?: { token: string | null };
}

function findActor(core: Core, token: string | undefined): Actor | undefined {
  if (!token) return undefined;
  const row = resolveSession(core.ws.db, token, core.now());
  if (!row) return undefined;
  const user = findUserById(core.ws.db, row.user_id);
  if (!user || !user.active) return undefined;
  return { user, tokenHash: hashToken(token) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The one way into the core: parse the input, find the caller, check access, run, report as data. */
export async function dispatch(core: Core, ctx: CallContext, method: string, rawInput: unknown): Promise<DispatchOutcome> {
  let session: DispatchOutcome['session'];
  try {
    if (!isMethod(method)) throw new AppError('NOT_FOUND', 'api.unknownMethod', { method: method.slice(0, 80) });
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'validation.invalid', { issues: describeIssues(parsed.error) }, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const actor = findActor(core, ctx.token);
    if (spec.access !== 'public') {
      if (!actor) {
        if (ctx.token) session = { token: null };
        throw new AppError('UNAUTHENTICATED', 'auth.required');
      }
      if (spec.access === 'session' && actor.user.mustChangePassword) {
        throw new AppError('FORBIDDEN', 'auth.mustChangePassword', {}, { mustChangePassword: true });
      }
    }
    const args: HandlerArgs<Method> = {
      core,
      actor,
      input: parsed.data as never,
      lang: ctx.lang,
      client: ctx.client,
      setSession(token) {
        session = { token };
      },
    };
    const handler = handlers[method] as (a: HandlerArgs<Method>) => unknown;
    const value = await handler(args);
    return { result: { ok: true, value: value ?? null }, session };
  } catch (e) {
    if (isAppError(e)) {
      const error = { code: e.code, message: translate(ctx.lang, e.key, e.params), ...(e.details ? { details: e.details } : {}) };
      return { result: { ok: false, error }, session };
    }
    console.error(`[beranda] ${method} failed:`, e);
    return { result: { ok: false, error: { code: 'INTERNAL', message: translate(ctx.lang, 'api.internal') } }, session };
  }
}
