import { diffWordsWithSpace } from 'diff';
import { useMemo } from 'react';

/** A word diff of two texts, inline (one column) or side by side (old left, new right). */
export function TextDiff({ before, after, mode }: { before: string; after: string; mode: 'inline' | 'side' }) {
  const parts = useMemo(() => diffWordsWithSpace(before, after), [before, after]);
  if (mode === 'inline') {
    return (
      <div className="diff diff--inline" data-testid="diff">
        {parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
      </div>
    );
  }
  return (
    <div className="diff diff--side" data-testid="diff">
      <div>{parts.map((p, i) => (p.added ? null : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}</div>
      <div>{parts.map((p, i) => (p.removed ? null : p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))}</div>
    </div>
  );
}
