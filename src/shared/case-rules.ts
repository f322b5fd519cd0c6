// What a case is, shared by the core and the UI (which suggests severity as the form is filled).
export const CASE_KINDS = ['rumor', 'complaint'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube', 'news', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const CASE_STATUSES = ['baru', 'verifikasi', 'perlu_klarifikasi', 'klarifikasi_terbit', 'diteruskan', 'ditindaklanjuti', 'selesai', 'ditutup'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSE_REASONS = ['tidak_relevan', 'duplikat', 'di_luar_kewenangan'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];


/**
 * The severity to suggest: how far the claim has spread, plus how grave its category is. Staff
 * can override it; the suggestion is only where they start.
 */
export function suggestSeverity(reach: number | null, categoryWeight: number): Severity {
  const r = reach ?? 0;
  const reachScore = r >= 100_000 ? 3 : r >= 10_000 ? 2 : r >= 1_000 ? 1 : 0;
  const score = reachScore + categoryWeight;
  return score >= 5 ? 'critical' : score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
}

