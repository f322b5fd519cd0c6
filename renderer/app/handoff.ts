/** A quote from Pantauan on its way into a release: set by the reader, taken by the editor. */
export interface PendingQuote {
  docId: number;
  text: string;
  source: string;
  link: string | null;
  date: string;
}

let pending: PendingQuote | null = null;

export function setPendingQuote(quote: PendingQuote): void {
  pending = quote;
}

export function takePendingQuote(docId: number): PendingQuote | null {
  if (pending?.docId !== docId) return null;
  const q = pending;
  pending = null;
  return q;
}
