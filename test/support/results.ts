import type { ApiResult } from '../../src/api/contract';

/** The value of a successful call, or a failure that names the refusal. */
export function value<T = Record<string, unknown>>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export function error(r: ApiResult<unknown>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
