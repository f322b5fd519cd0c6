import { useState, type DragEvent } from 'react';
import type { CaseSummary } from '../../../src/api/contract';
import { CASE_STATUSES, CLOSE_REASONS, SEVERITIES, type CaseKind, type CaseStatus, type CloseReason } from '../../../src/shared/case-rules';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useAsync } from '../../ui/useAsync';
import { CaseBadges } from './caseLabels';

const COLUMNS: Record<CaseKind, CaseStatus[]> = {
  rumor: ['baru', 'verifikasi', 'perlu_klarifikasi', 'klarifikasi_terbit', 'selesai', 'ditutup'],
  complaint: ['baru', 'verifikasi', 'diteruskan', 'ditindaklanjuti', 'selesai', 'ditutup'],
};

function Card({ c }: { c: CaseSummary }) {
  return (
    <a
      href={`#/kasus/${c.id}`}
      className={`case-card${c.urgency === 'overdue' ? ' case-card--late' : ''}`}
      draggable
      onDragStart={(e) => e.dataTransfer.setData('text/x-case', String(c.id))}
      data-testid={`case-card-${c.id}`}
    >
      <div className="case-card__title">{c.title}</div>
      <CaseBadges c={c} />
      <div className="muted small">
        #{c.id} {c.region && `· ${c.region}`} {c.assignee && `· ${c.assignee.displayName}`}
      </div>
    </a>
  );
}

function Board({ kind }: { kind: CaseKind }) {
  const { t } = useI18n();
  const { me } = useSession();
  const board = useAsync(() => call('cases.board', { kind }), [kind]);
  const [error, setError] = useState<string>();
  const [closing, setClosing] = useState<{ id: number }>();
  const [reason, setReason] = useState<CloseReason>('tidak_relevan');
  useCoreEvent((e) => e.type === 'case.changed' && board.reload());
  const canMove = me.permissions.includes('cases.write');

  async function move(id: number, to: CaseStatus, closeReason?: CloseReason) {
    setError(undefined);
    try {
      await call('cases.transition', { id, to, ...(closeReason ? { reason: closeReason } : {}) });
      board.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function drop(e: DragEvent, to: CaseStatus) {
    e.preventDefault();
    const id = Number(e.dataTransfer.getData('text/x-case'));
    if (!id || !canMove) return;
    if (to === 'ditutup') setClosing({ id });
    else void move(id, to);
  }

  return (
    <>
      {(error ?? board.error) && <Alert kind="error">{error ?? board.error}</Alert>}
      <div className="board" data-testid="board">
        {COLUMNS[kind].map((status) => (
          <section key={status} className="board__col" onDragOver={(e) => canMove && e.preventDefault()} onDrop={(e) => drop(e, status)} data-testid={`column-${status}`} aria-label={t(`caseStatus.${status}`)}>
            <h2>
              {t(`caseStatus.${status}`)} <span className="count">{board.data?.counts[status] ?? 0}</span>
            </h2>
            {board.data?.cards[status].map((c) => <Card key={c.id} c={c} />)}
            {board.data && board.data.counts[status] > board.data.cards[status].length && (
              <p className="muted small">{t('cases.moreInList', { n: board.data.counts[status] - board.data.cards[status].length })}</p>
            )}
          </section>
        ))}
      </div>
      {closing && (
        <Modal title={t('cases.close')} onClose={() => setClosing(undefined)}>
          <SelectField label={t('cases.closeReason')} value={reason} onChange={(v) => setReason(v as CloseReason)} options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReason.${r}`) }))} />
          <div className="actions">
            <button className="btn" onClick={() => setClosing(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn btn--primary"
              onClick={() => {
                void move(closing.id, 'ditutup', reason);
                setClosing(undefined);
              }}
            >
              {t('cases.close')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

function List({ kind }: { kind: CaseKind }) {
  const { t } = useI18n();
  const [f, setF] = useState({ q: '', status: 'open', severity: '', urgency: '' });
  const list = useAsync(
    () =>
      call('cases.list', {
        kind,
        ...(f.q.trim() ? { q: f.q } : {}),
        ...(f.status ? { status: f.status as CaseStatus | 'open' } : {}),
        ...(f.severity ? { severity: f.severity as (typeof SEVERITIES)[number] } : {}),
        ...(f.urgency ? { urgency: f.urgency as 'overdue' } : {}),
        limit: 200,
      }),
    [kind, f],
  );
  useCoreEvent((e) => e.type === 'case.changed' && list.reload());
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  return (
    <>
      <div className="filters">
        <TextField label={t('releases.search')} type="search" value={f.q} onChange={set('q')} />
        <SelectField label={t('releases.status')} value={f.status} onChange={set('status')} options={[{ value: 'open', label: t('cases.open') }, { value: '', label: t('common.all') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))]} />
        <SelectField label={t('cases.severity')} value={f.severity} onChange={set('severity')} options={[{ value: '', label: t('common.all') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]} />
        <SelectField label={t('cases.deadline')} value={f.urgency} onChange={set('urgency')} options={[{ value: '', label: t('common.all') }, { value: 'overdue', label: t('cases.overdue') }, { value: 'due_today', label: t('cases.dueToday') }]} />
      </div>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      <table className="table" data-testid="case-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{kind === 'rumor' ? t('cases.claim') : t('cases.complaint')}</th>
            <th>{t('releases.status')}</th>
            <th>{t('cases.severity')}</th>
            <th>{t('cases.region')}</th>
            <th>{t('cases.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((c) => (
            <tr key={c.id} onClick={() => navigate(`/kasus/${c.id}`)} className="clickable">
              <td>{c.id}</td>
              <td>
                <a href={`#/kasus/${c.id}`}>{c.title}</a>
              </td>
              <td>{t(`caseStatus.${c.status}`)}</td>
              <td>
                <CaseBadges c={c} />
              </td>
              <td>{c.region}</td>
              <td>{c.assignee?.displayName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CasesScreen() {
  const { t } = useI18n();
  const { me } = useSession();
  const [kind, setKind] = useState<CaseKind>('rumor');
  const [view, setView] = useState<'board' | 'list'>('board');
  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1>{t('cases.title')}</h1>
        {me.permissions.includes('cases.write') && (
          <button className="btn btn--primary" onClick={() => navigate(`/kasus/baru/${kind}`)}>
            {kind === 'rumor' ? t('cases.newRumor') : t('cases.newComplaint')}
          </button>
        )}
      </div>
      <div className="row">
        <div className="tabs" role="tablist">
          {(['rumor', 'complaint'] as const).map((k) => (
            <button key={k} role="tab" aria-selected={k === kind} className={k === kind ? 'tab tab--on' : 'tab'} onClick={() => setKind(k)}>
              {t(`caseKind.${k}`)}
            </button>
          ))}
        </div>
        <div className="tabs" role="tablist">
          {(['board', 'list'] as const).map((v) => (
            <button key={v} role="tab" aria-selected={v === view} className={v === view ? 'tab tab--on' : 'tab'} onClick={() => setView(v)}>
              {t(`cases.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {view === 'board' ? <Board kind={kind} /> : <List kind={kind} />}
    </div>
  );
}
