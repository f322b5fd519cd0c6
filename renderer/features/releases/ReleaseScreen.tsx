import { useEffect, useMemo, useState } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import { plainText } from '../../../src/shared/doc-model';
import { dateline } from '../../../src/shared/indonesian-dates';
import { checkRelease } from '../../../src/shared/release-checks';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatTime } from '../../app/format';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { ChecksPanel } from '../../ui/ChecksPanel';
import { Editor } from '../../ui/editor/Editor';
import { Modal } from '../../ui/Modal';
import { ReleaseFieldsForm } from '../../ui/ReleaseFields';
import { TextDiff } from '../../ui/TextDiff';
import { useToast } from '../../ui/toasts';
import { useAsync } from '../../ui/useAsync';
import { ClaimReviewPanel } from './ClaimReviewPanel';
import { ExportMenu } from './ExportMenu';
import { TimelinePanel } from './TimelinePanel';
import { clearLocalCopy, readLocalCopy, useReleaseDraft } from './useReleaseDraft';
import { VersionsPanel } from './VersionsPanel';
import { WorkflowPanel } from './WorkflowPanel';
import { PublishPanel } from './PublishPanel';

export function ReleaseScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const doc = useAsync(() => call('releases.get', { id }), [id]);
  if (doc.error) return <Alert kind="error">{doc.error}</Alert>;
  if (!doc.data) return <p>{t('common.loading')}</p>;
  return <ReleaseWorkspace key={id} initial={doc.data} />;
}

function ReleaseWorkspace({ initial }: { initial: DocumentView }) {
  const { t, lang } = useI18n();
  const { me, workspace } = useSession();
  const zone = useZone();
  const toast = useToast();
  const [doc, setDoc] = useState(initial);
  const draft = useReleaseDraft(initial, me.user.id);
  const [conflict, setConflict] = useState<{ message: string; theirs: string }>();
  const [newer, setNewer] = useState(false);
  const [tab, setTab] = useState<'timeline' | 'versions'>('timeline');
  const [saveError, setSaveError] = useState<string>();
  const [note, setNote] = useState('');
  const office = workspace.office;

  // Unsaved text from an earlier session: the server's autosave or this browser's own copy.
  const recovery = useMemo(() => {
    const local = readLocalCopy(initial.id, me.user.id);
    const server = initial.autosave;
    const pick = local && (!server || local.savedAt > server.savedAt) ? local : server;
    if (!pick) return undefined;
    const same = pick.title === initial.title && JSON.stringify(pick.body) === JSON.stringify(initial.body) && JSON.stringify(pick.fields) === JSON.stringify(initial.fields);
    return same ? undefined : pick;
  }, [initial, me.user.id]);
  const [showRecovery, setShowRecovery] = useState(recovery !== undefined);

  useCoreEvent((e) => {
    if (e.type === 'release.changed' && e.id === doc.id && e.version > doc.version) setNewer(true);
    if (e.type === 'release.changed' && e.id === doc.id && e.version === doc.version && e.status !== doc.status) {
      void call('releases.get', { id: doc.id }).then(setDoc);
    }
  });

  // The checks read the whole body, so they run once typing settles (draft.revision), not per keystroke.
  const checkTick = draft.revision;
  const report = useMemo(
    () => checkRelease({ kind: doc.kind, title: draft.title, fields: draft.fields, body: draft.body(), office: office ? { city: office.city, unitCode: office.unitCode } : null }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc.kind, draft.title, draft.fields, office, checkTick],
  );

  const editable = doc.can.edit;
  const needsNote = doc.status === 'published';

  async function save(opts: { overwrite?: boolean } = {}): Promise<boolean> {
    setSaveError(undefined);
    if (needsNote && !note.trim()) {
      setSaveError(t('release.correctionNoteNeeded'));
      return false;
    }
    try {
      const saved = await draft.save({ ...opts, ...(note.trim() ? { note: note.trim() } : {}) });
      setDoc(saved);
      setNote('');
      setNewer(false);
      setConflict(undefined);
      toast('success', t('release.savedVersion', { v: saved.version }));
      return true;
    } catch (e) {
      if (draft.isConflict(e)) {
        const latest = await call('releases.get', { id: doc.id });
        setConflict({ message: (e as Error).message, theirs: `${latest.title}\n\n${plainText(latest.body)}` });
      } else setSaveError((e as Error).message);
      return false;
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (editable) void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const saveLabel =
    draft.state.kind === 'saved'
      ? t('release.stateSaved', { v: doc.version })
      : draft.state.kind === 'dirty'
        ? t('release.stateDirty')
        : draft.state.kind === 'autosaved'
          ? t('release.stateAutosaved', { time: formatTime(draft.state.at, zone, lang) })
          : t('release.stateOffline');

  return (
    <div className="release">
      <div className="release__head">
        <div>
          <a href="#/naskah" className="small">
            ← {t('nav.releases')}
          </a>
          <div className="release__meta">
            <span className="badge">{t(`kind.${doc.kind}`)}</span>
            <span className={`pill pill--status-${doc.status}`} data-testid="status">
              {t(`status.${doc.status}`)}
            </span>
            {doc.number && <span className="mono small">{doc.number}</span>}
            <span className="muted small" data-testid="save-state">
              {saveLabel}
            </span>
          </div>
        </div>
        <div className="actions">
          <ExportMenu docId={doc.id} version={doc.version} />
          {editable && (
            <button className="btn btn--primary" onClick={() => void save()} data-testid="save">
              {t('release.save')}
            </button>
          )}
        </div>
      </div>
      {showRecovery && recovery && (
        <Alert kind="warning">
          {t('release.recovery', { time: formatTime(recovery.savedAt, zone, lang) })}{' '}
          <button className="btn btn--small" onClick={() => (draft.load(recovery), setShowRecovery(false))}>
            {t('release.recover')}
          </button>{' '}
          <button
            className="btn btn--small"
            onClick={() => {
              setShowRecovery(false);
              clearLocalCopy(doc.id, me.user.id);
              void call('releases.discardAutosave', { id: doc.id });
            }}
          >
            {t('release.discard')}
          </button>
        </Alert>
      )}
      {newer && <Alert kind="info">{t('release.newerVersion')}</Alert>}
      {draft.state.kind === 'offline' && <Alert kind="warning">{t('release.offlineKept', { message: draft.state.message })}</Alert>}
      {saveError && <Alert kind="error">{saveError}</Alert>}
      {needsNote && editable && (
        <div className="field">
          <label htmlFor="correction-note">{t('release.correctionNote')}</label>
          <input id="correction-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('release.correctionHint')} />
        </div>
      )}
      <div className="release__grid">
        <div className="release__main">
          <div className="field">
            <label htmlFor="headline">{t('release.headline')}</label>
            <input id="headline" className="headline-input" value={draft.title} onChange={(e) => draft.setTitle(e.target.value)} disabled={!editable} maxLength={500} />
          </div>
          {office && <div className="dateline">{dateline(office.city, office.unitCode)}</div>}
          <Editor content={initial.body} editable={editable} onChange={draft.touched} onReady={draft.attachEditor} label={t('release.body')} />
          <div className="closing muted">({doc.author.initials})</div>
          <ReleaseFieldsForm kind={doc.kind} value={draft.fields} onChange={draft.setFields} disabled={!editable} zone={zone} />
        </div>
        <aside className="release__side">
          <ChecksPanel report={report} />
          <WorkflowPanel doc={doc} beforeAction={async () => (draft.state.kind === 'saved' ? true : save())} onDone={setDoc} />
          <PublishPanel doc={doc} />
          {doc.kind === 'klarifikasi' && doc.status === 'published' && <ClaimReviewPanel docId={doc.id} version={doc.version} />}
          <section className="panel">
            <div className="tabs" role="tablist">
              <button role="tab" aria-selected={tab === 'timeline'} className={tab === 'timeline' ? 'tab tab--on' : 'tab'} onClick={() => setTab('timeline')}>
                {t('release.timeline')}
              </button>
              <button role="tab" aria-selected={tab === 'versions'} className={tab === 'versions' ? 'tab tab--on' : 'tab'} onClick={() => setTab('versions')}>
                {t('release.versions')}
              </button>
            </div>
            {tab === 'timeline' ? (
              <TimelinePanel docId={doc.id} canComment={doc.can.comment} />
            ) : (
              <VersionsPanel
                doc={doc}
                beforeRestore={async () => draft.state.kind === 'saved'}
                onRestored={(d) => {
                  setDoc(d);
                  draft.load({ title: d.title, fields: d.fields, body: d.body });
                  void draft.save().then(setDoc);
                }}
              />
            )}
          </section>
        </aside>
      </div>
      {conflict && (
        <Modal title={t('release.conflictTitle')} onClose={() => setConflict(undefined)}>
          <Alert kind="warning">{conflict.message}</Alert>
          <p className="small muted">{t('release.conflictDiff')}</p>
          <TextDiff before={conflict.theirs} after={`${draft.title}\n\n${plainText(draft.body())}`} mode="side" />
          <div className="actions">
            <button className="btn" onClick={() => setConflict(undefined)}>
              {t('common.cancel')}
            </button>
            <button className="btn" onClick={() => window.location.reload()}>
              {t('release.loadTheirs')}
            </button>
            <button className="btn btn--danger" onClick={() => void save({ overwrite: true })}>
              {t('release.overwrite')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

