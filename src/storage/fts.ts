/**
 * Turns what a person typed into a safe FTS5 query: every word must appear, each as a prefix
 * ("pungl" finds "pungli"), quoted so that FTS syntax in the input is only ever text.
 */
export function ftsPrefixQuery(q: string): string | undefined {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' ');
}
