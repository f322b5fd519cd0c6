import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import type { DocJSON } from '../../../src/shared/editor-schema';
import type { ReleaseFields } from '../../../src/shared/release-kinds';
import { ApiFailure, call } from '../../app/api';
import { takePendingQuote, type PendingQuote } from '../../app/handoff';

const AUTOSAVE_MS = 1500;

export type SaveState = { kind: 'saved' } | { kind: 'dirty' } | { kind: 'autosaved'; at: string } | { kind: 'offline'; message: string };

interface LocalCopy {
  baseVersion: number;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  savedAt: string;
}

/** The quote as a blockquote, then its source with a link, in the house style of attribution. */
function quoteContent(q: PendingQuote): DocJSON[] {
  const source: DocJSON[] = q.link
    ? [{ type: 'text', text: q.source, marks: [{ type: 'link', attrs: { href: q.link } }] }]
    : [{ type: 'text', text: q.source }];
  return [
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: `“${q.text}”` }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Sumber: ' }, ...source, { type: 'text', text: `, ${q.date}.` }] },
  ];
}

const localKey = (docId: number, userId: number) => `beranda.unsaved.${userId}.${docId}`;

/** What this browser kept locally: the last line of defence when even the server is unreachable. */
export function readLocalCopy(docId: number, userId: number): LocalCopy | undefined {
  try {
    const raw = localStorage.getItem(localKey(docId, userId));
    return raw ? (JSON.parse(raw) as LocalCopy) : undefined;
  } catch {
    return undefined;
  }
}

export function clearLocalCopy(docId: number, userId: number): void {
  try {
    localStorage.removeItem(localKey(docId, userId));
  } catch {
    // Nothing to clear.
  }
}

/**
 * The text being written: title and fields in React state, the body inside the editor (reading it
 * per keystroke would cost more than a frame on a long document). Changes are kept locally at
 * once and on the server after a short pause; "Save" makes a version.
 */
export function useReleaseDraft(doc: DocumentView, userId: number) {
  const [title, setTitle] = useState(doc.title);
  const [fields, setFields] = useState<ReleaseFields>(doc.fields);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  // Bumped a moment after typing stops: what the checks panel listens to. Nothing in React changes
  // per keystroke, so typing in a long document repaints only the editor.
  const [revision, setRevision] = useState(0);
  const dirty = useRef(false);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editorRef = useRef<Editor | null>(null);
  const base = useRef(doc.version);
  const latest = useRef({ title, fields });
  latest.current = { title, fields };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const body = useCallback((): DocJSON => editorRef.current?.getJSON() ?? doc.body, [doc.body]);

  const autosave = useCallback(async () => {
    const snapshot = { baseVersion: base.current, ...latest.current, body: body() };
    try {
      localStorage.setItem(localKey(doc.id, userId), JSON.stringify({ ...snapshot, savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the server copy still follows.
    }
    try {
      const { savedAt } = await call('releases.autosave', { id: doc.id, ...snapshot });
      dirty.current = false;
      setState({ kind: 'autosaved', at: savedAt });
    } catch (e) {
      setState({ kind: 'offline', message: (e as Error).message });
    }
  }, [doc.id, userId, body]);

  const touched = useCallback(() => {
    if (!dirty.current) {
      dirty.current = true;
      setState({ kind: 'dirty' });
    }
    clearTimeout(settle.current);
    settle.current = setTimeout(() => setRevision((r) => r + 1), 300);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), AUTOSAVE_MS);
  }, [autosave]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      clearTimeout(settle.current);
    },
    [],
  );

  // Closing the tab or window with unsaved text asks first, and flushes what it can.
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (state.kind === 'dirty' || state.kind === 'offline') {
        void autosave();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [state.kind, autosave]);

  /** Saves a version. Throws ApiFailure (e.g. CONFLICT) for the caller to show. */
  const save = useCallback(
    async (opts: { note?: string; overwrite?: boolean } = {}): Promise<DocumentView> => {
      clearTimeout(timer.current);
      const saved = await call('releases.save', { id: doc.id, baseVersion: base.current, ...latest.current, body: body(), ...opts });
      base.current = saved.version;
      clearLocalCopy(doc.id, userId);
      dirty.current = false;
      setState({ kind: 'saved' });
      return saved;
    },
    [doc.id, userId, body],
  );

  const setTitleAndTouch = (v: string) => {
    setTitle(v);
    touched();
  };
  const setFieldsAndTouch = (v: ReleaseFields) => {
    setFields(v);
    touched();
  };

  /** Puts recovered text (autosave or local copy) back into the form and editor. */
  const load = (c: { title: string; fields: ReleaseFields; body: DocJSON }) => {
    setTitle(c.title);
    setFields(c.fields);
    editorRef.current?.commands.setContent(c.body);
    touched();
  };

  const attachEditor = useCallback(
    (e: Editor) => {
      editorRef.current = e;
      // A quote brought from Pantauan ("use in release") lands at the end, as an unsaved change.
      const quote = takePendingQuote(doc.id);
      if (quote && e.isEditable) {
        e.chain().focus('end').insertContent(quoteContent(quote)).run();
        touched();
      }
    },
    [doc.id, touched],
  );

  return { title, fields, state, revision, attachEditor, body, save, setTitle: setTitleAndTouch, setFields: setFieldsAndTouch, touched, load, isConflict: (e: unknown) => e instanceof ApiFailure && e.code === 'CONFLICT' };
}
