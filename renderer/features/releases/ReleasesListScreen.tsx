import { useState } from 'react';
import type { ListItem } from '../../../src/api/contract';
import { RELEASE_KINDS, RELEASE_STATUSES, type ReleaseKind } from '../../../src/shared/release-kinds';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime, zoneDayStartIso } from '../../app/format';
import { navigate } from '../../app/router';
import { useSession, useZone } from '../../app/session';
import { nextDay } from '../../../src/shared/zones';
import { useI18n } from '../../i18n/i18n';
import { Marked } from '../../ui/Marked';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';

const PAGE = 50;

export function ReleasesListScreen() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const [f, setF] = useState({ q: '', kind: '', status: '', authorId: '', from: '', to: '', sort: 'updated' });
  const [pages, setPages] = useState(1);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();
  const directory = useAsync(() => call('users.directory', {}), []);
  const list = useAsync(
    () =>
      call('releases.list', {
        ...(f.q.trim() ? { q: f.q.trim() } : {}),
        ...(f.kind ? { kind: f.kind as ReleaseKind } : {}),
        ...(f.status ? { status: f.status as ListItem['status'] } : {}),
        ...(f.authorId ? { authorId: Number(f.authorId) } : {}),
        ...(f.from ? { from: zoneDayStartIso(f.from, zone) } : {}),
        ...(f.to ? { to: zoneDayStartIso(nextDay(f.to), zone) } : {}),
        sort: f.sort as 'updated',
        limit: PAGE * pages,
      }),
    [f, pages, zone],
  );
  useCoreEvent((e) => e.type === 'release.changed' && list.reload());
  const set = (k: keyof typeof f) => (v: string) => {
    // Typing a search switches the default order to "best match", and clearing it switches back.
    const sort = k === 'q' && f.sort === (f.q ? 'relevance' : 'updated') ? (v.trim() ? 'relevance' : 'updated') : f.sort;
    setF({ ...f, [k]: v, sort });
    setPages(1);
  };
  const canWrite = me.user.role !== 'monitor';

  async function create(kind: ReleaseKind) {
    setError(undefined);
    try {
      const d = await call('releases.create', { kind });
      navigate(`/naskah/${d.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('releases.title')}</h1>
        {canWrite && (
          <div className="actions">
            {creating ? (
              RELEASE_KINDS.map((k) => (
                <button key={k} className="btn btn--primary" onClick={() => void create(k)}>
                  {t(`kind.${k}`)}
                </button>
              ))
            ) : (
              <button className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('releases.new')}
              </button>
            )}
          </div>
        )}
      </div>
      {(error ?? list.error) && <Alert kind="error">{error ?? list.error}</Alert>}
      <div className="filters">
        <TextField label={t('releases.search')} type="search" value={f.q} onChange={set('q')} placeholder={t('releases.searchHint')} name="q" />
        <SelectField label={t('releases.kind')} value={f.kind} onChange={set('kind')} options={[{ value: '', label: t('common.all') }, ...RELEASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]} />
        <SelectField label={t('releases.status')} value={f.status} onChange={set('status')} options={[{ value: '', label: t('common.all') }, ...RELEASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <SelectField label={t('releases.author')} value={f.authorId} onChange={set('authorId')} options={[{ value: '', label: t('common.all') }, ...(directory.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))]} />
        <TextField label={t('audit.filter.from')} type="date" value={f.from} onChange={set('from')} />
        <TextField label={t('audit.filter.to')} type="date" value={f.to} onChange={set('to')} />
        <SelectField
          label={t('releases.sort')}
          value={f.sort}
          onChange={set('sort')}
          options={(['updated', 'created', 'title', 'relevance'] as const).map((s) => ({ value: s, label: t(`releases.sort.${s}`) }))}
        />
      </div>
      {list.data && (
        <p className="muted small" data-testid="release-count">
          {t(list.data.capped ? 'releases.countCapped' : 'releases.count', { n: list.data.total.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') })}
        </p>
      )}
      <ul className="doc-list" data-testid="release-list">
        {list.data?.items.map((d) => (
          <li key={d.id}>
            <a href={`#/naskah/${d.id}`} className="doc-list__item">
              <div className="doc-list__top">
                <span className="badge">{t(`kind.${d.kind}`)}</span>
                <span className={`pill pill--status-${d.status}`}>{t(`status.${d.status}`)}</span>
                {d.number && <span className="mono small">{d.number}</span>}
                <span className="muted small">
                  {d.author.displayName} · {formatDateTime(d.updatedAt, zone, lang)} · {t('checks.words', { n: d.wordCount })}
                </span>
              </div>
              <div className="doc-list__title">{d.title ? <Marked text={d.titleMarked} /> : <em className="muted">{t('releases.untitled')}</em>}</div>
              <div className="doc-list__snippet muted small">
                <Marked text={d.snippet} />
              </div>
            </a>
          </li>
        ))}
      </ul>
      {list.data && list.data.items.length < list.data.total && (
        <button className="btn" onClick={() => setPages((p) => p + 1)}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
