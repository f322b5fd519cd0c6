import { useEffect, useState } from 'react';
import type { CaseView } from '../../../src/api/contract';
import { CLOSE_REASONS, type CaseStatus, type CloseReason } from '../../../src/shared/case-rules';
import { ApiFailure, call, uploadFile } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatBytes, formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fieldErrors } from '../../ui/useSubmit';
import { downloadFile } from '../../ui/download';
import { useToast } from '../../ui/toasts';
import { useAsync } from '../../ui/useAsync';
import { CaseBadges } from './caseLabels';
import { CaseForm, draftOf, inputOf, type CaseDraft } from './CaseForm';

const NEXT: Record<CaseView['kind'], CaseStatus[]> = {
  rumor: ['verifikasi', 'perlu_klarifikasi', 'selesai'],
  complaint: ['verifikasi', 'diteruskan', 'ditindaklanjuti', 'selesai'],
};

export function CaseScreen({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const toast = useToast();
  const view = useAsync(() => call('cases.get', { id }), [id]);
  const settings = useAsync(() => call('cases.settings', {}), []);
  const people = useAsync(() => call('users.directory', {}), []);
  const similar = useAsync(async () => (view.data && !['selesai', 'ditutup'].includes(view.data.status) ? call('cases.similar', { text: `${view.data.title} ${view.data.details}`, excludeId: id }) : []), [view.data?.id, view.data?.status]);
  const [draft, setDraft] = useState<CaseDraft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<CloseReason>('tidak_relevan');
  const [note, setNote] = useState('');
  const [url, setUrl] = useState('');
  useCoreEvent((e) => e.type === 'case.changed' && e.id === id && view.reload());
  useEffect(() => {
    if (view.data && !draft) setDraft(draftOf(view.data));
  }, [view.data, draft]);
  if (view.error) return <Alert kind="error">{view.error}</Alert>;
  const c = view.data;
  if (!c || !settings.data || !draft) return <p>{t('common.loading')}</p>;
  const canWrite = me.permissions.includes('cases.write');
  const final = c.status === 'selesai' || c.status === 'ditutup';

  async function act(work: () => Promise<unknown>, ok?: string) {
    setError(undefined);
    try {
      await work();
      view.reload();
      if (ok) toast('success', ok);
    } catch (e) {
      setError((e as Error).message);
      if (e instanceof ApiFailure) setErrors(fieldErrors(e.details));
    }
  }

  return (
    <div className="page page--wide">
      <a href="#/kasus" className="small">
        ← {t('cases.title')}
      </a>
      <div className="page__head">
        <div>
          <h1>
            #{c.id} {c.title}
          </h1>
          <div className="release__meta">
            <span className="badge">{t(`caseKind.${c.kind}`)}</span>
            <span className={`pill pill--case-${c.status}`} data-testid="case-status">
              {t(`caseStatus.${c.status}`)}
            </span>
            {c.closeReason && <span className="muted small">{t(`closeReason.${c.closeReason}`)}</span>}
            {c.mergedInto && (
              <a href={`#/kasus/${c.mergedInto}`} className="small">
                {t('cases.mergedInto', { id: c.mergedInto })}
              </a>
            )}
            <CaseBadges c={c} />
          </div>
        </div>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="release__grid">
        <div>
          <section className="card">
            <CaseForm value={draft} onChange={setDraft} config={settings.data.config} people={people.data ?? []} errors={errors} disabled={!canWrite} />
            {canWrite && (
              <button className="btn btn--primary" onClick={() => void act(() => call('cases.update', { id, ...inputOf(draft) }), t('common.saved'))}>
                {t('cases.save')}
              </button>
            )}
          </section>
          <section className="panel" data-testid="evidence">
            <h2>{t('cases.evidence')}</h2>
            <ul className="task-list">
              {c.evidence.map((e) => (
                <li key={e.id}>
                  {e.kind === 'url' ? (
                    <a href={e.url!} target="_blank" rel="noreferrer noopener">
                      {e.name}
                    </a>
                  ) : (
                    <button className="btn btn--link" onClick={() => void call('attachments.read', { sha256: e.sha256! }).then((a) => downloadFile(e.name, a.base64, 'base64', a.mime))}>
                      {e.name}
                    </button>
                  )}
                  <div className="muted small">
                    {e.kind === 'file' && `${formatBytes(e.size ?? 0)} · SHA-256 ${e.sha256!.slice(0, 16)}… · `}
                    {e.addedBy.displayName} · {formatDateTime(e.addedAt, zone, lang)}
                  </div>
                </li>
              ))}
            </ul>
            {c.evidence.length === 0 && <p className="muted small">{t('cases.noEvidence')}</p>}
            {canWrite && (
              <div className="row">
                <div className="field">
                  <label htmlFor="evidence-file">{t('cases.addFile')}</label>
                  <input
                    id="evidence-file"
                    type="file"
                    data-testid="evidence-file"
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      e.target.value = '';
                      if (f) void act(() => uploadFile('cases.addFileEvidence', '/api/upload/evidence', f, { id }), t('cases.evidenceAdded'));
                    }}
                  />
                </div>
                <TextField label={t('cases.addUrl')} value={url} onChange={setUrl} placeholder="https://…" />
                <div className="row__end">
                  <button className="btn" disabled={!url.trim()} onClick={() => void act(async () => (await call('cases.addUrlEvidence', { id, url, name: '' }), setUrl('')))}>
                    {t('cases.addUrlButton')}
                  </button>
                </div>
              </div>
            )}
            <button className="btn btn--small" onClick={() => void act(async () => { const z = await call('cases.exportEvidence', { id }); downloadFile(z.fileName, z.base64, 'base64', 'application/zip'); })}>
              {t('cases.exportEvidence')}
            </button>
          </section>
        </div>
        <aside>
          <section className="panel" data-testid="case-actions">
            <h2>{t('workflow.title')}</h2>
            {canWrite && (
              <div className="stack-buttons">
                {final ? (
                  <button className="btn" onClick={() => void act(() => call('cases.transition', { id, to: 'verifikasi' }))}>
                    {t('cases.reopen')}
                  </button>
                ) : (
                  <>
                    {NEXT[c.kind]
                      .filter((s) => s !== c.status)
                      .map((s) => (
                        <button key={s} className="btn" onClick={() => void act(() => call('cases.transition', { id, to: s, ...(note.trim() ? { note } : {}) }))}>
                          {t('cases.moveTo', { s: t(`caseStatus.${s}`) })}
                        </button>
                      ))}
                    <button className="btn btn--danger" onClick={() => setClosing(true)}>
                      {t('cases.close')}
                    </button>
                  </>
                )}
              </div>
            )}
            {c.kind === 'rumor' && me.permissions.includes('releases.write') && !final && (
              <button
                className="btn btn--primary btn--block"
                style={{ marginTop: '0.6rem' }}
                onClick={() => void act(async () => navigate(`/naskah/${(await call('cases.draftClarification', { id })).id}`))}
              >
                {t('cases.draftClarification')}
              </button>
            )}
            {c.documents.length > 0 && (
              <>
                <h3>{t('cases.documents')}</h3>
                <ul className="task-list">
                  {c.documents.map((d) => (
                    <li key={d.id}>
                      <a href={`#/naskah/${d.id}`}>{d.title}</a> <span className={`pill pill--status-${d.status}`}>{t(`status.${d.status as 'draft'}`)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {!final && (similar.data?.length ?? 0) > 0 && (
            <section className="panel" data-testid="case-similar">
              <h2>{t('cases.similarTitle')}</h2>
              <ul className="task-list">
                {similar.data!.map((s) => (
                  <li key={s.id}>
                    <a href={`#/kasus/${s.id}`}>
                      #{s.id} {s.title}
                    </a>
                    <div className="muted small">{t('cases.score', { s: Math.round(s.score * 100) })}</div>
                    {canWrite && (
                      <button className="btn btn--small" onClick={() => void act(async () => navigate(`/kasus/${(await call('cases.merge', { id, into: s.id })).id}`), t('cases.merged'))}>
                        {t('cases.mergeInto', { id: s.id })}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel">
            <h2>{t('release.timeline')}</h2>
            <ol className="timeline" data-testid="case-timeline">
              {c.timeline.map((e) => (
                <li key={e.id} className="timeline__item">
                  <div className="timeline__head">
                    <strong>{e.actor?.displayName ?? t('cases.system')}</strong> · {t(`caseEvent.${e.action}` as 'caseEvent.created')}
                    {e.to && ` → ${t(`caseStatus.${e.to as CaseStatus}`)}`}
                    {e.caseId !== c.id && ` (#${e.caseId})`}
                    <span className="muted small"> · {formatDateTime(e.at, zone, lang)}</span>
                  </div>
                  {e.note && <div className="timeline__note">{e.note}</div>}
                </li>
              ))}
            </ol>
            {canWrite && !final && (
              <div className="field">
                <label htmlFor="case-note">{t('cases.noteForNext')}</label>
                <input id="case-note" value={note} onChange={(e) => setNote(e.target.value)} />
              </div>
            )}
          </section>
        </aside>
      </div>
      {closing && (
        <Modal title={t('cases.close')} onClose={() => setClosing(false)}>
          <SelectField label={t('cases.closeReason')} value={reason} onChange={(v) => setReason(v as CloseReason)} options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReason.${r}`) }))} />
          <div className="actions">
            <button className="btn" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn btn--primary"
              onClick={() => {
                setClosing(false);
                void act(() => call('cases.transition', { id, to: 'ditutup', reason, ...(note.trim() ? { note } : {}) }));
              }}
            >
              {t('cases.close')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
