import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../app/api';

/** Turns the core's validation details into a per-field map (the last path segment names the field). */
export function fieldErrors(details: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const issues = (details?.issues ?? []) as { path: string[]; message: string }[];
  for (const i of issues) {
    const key = i.path[i.path.length - 1];
    if (key && !out[key]) out[key] = i.message;
  }
  return out;
}

/**
 * The life of a form submission: busy while it runs, the core's message on failure with each
 * field's own error beside it, and nothing the user typed is touched either way.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function run(work: () => Promise<unknown>, e?: FormEvent): Promise<boolean> {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      await work();
      return true;
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiFailure) setErrors(fieldErrors(err.details));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, errors, setErrors, run };
}
