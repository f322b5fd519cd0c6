import { useState } from 'react';
import type { FeedCandidate, FeedView, FolderView } from '../../../src/api/contract';
import { googleNewsSearchUrl } from '../../../src/shared/google-news';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useSubmit } from '../../ui/useSubmit';

/** Subscribe by a feed's or a site's address, or by keywords through Google News search. */
export function AddFeedModal({ folders, onClose, onAdded }: { folders: FolderView[]; onClose(): void; onAdded(feed: FeedView): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'url' | 'news'>('url');
  const [url, setUrl] = useState('');
  const [keywords, setKeywords] = useState('');
  const [folderId, setFolderId] = useState('');
  const [candidates, setCandidates] = useState<FeedCandidate[]>([]);
  const submit = useSubmit();
  const target = mode === 'news' ? (keywords.trim() ? googleNewsSearchUrl(keywords) : '') : url.trim();

  async function subscribe(address: string, title = '') {
    await submit.run(async () => {
      const r = await call('feeds.add', { url: address, folderId: folderId ? Number(folderId) : null, title: title || (mode === 'news' ? `Google News: ${keywords.trim()}` : '') });
      if (r.feed) onAdded(r.feed);
      else setCandidates(r.candidates);
    });
  }

  return (
    <Modal title={t('mon.addFeed')} onClose={onClose}>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'url'} className={`tab${mode === 'url' ? ' tab--on' : ''}`} onClick={() => setMode('url')}>
          {t('mon.byAddress')}
        </button>
        <button role="tab" aria-selected={mode === 'news'} className={`tab${mode === 'news' ? ' tab--on' : ''}`} onClick={() => setMode('news')}>
          {t('mon.byGoogleNews')}
        </button>
      </div>
      <form onSubmit={(e) => void (e.preventDefault(), target && subscribe(target))}>
        {mode === 'url' ? (
          <TextField label={t('mon.feedUrl')} hint={t('mon.feedUrlHint')} value={url} onChange={setUrl} name="url" autoFocus error={submit.errors.url} inputMode="url" />
        ) : (
          <>
            <TextField label={t('mon.keywords')} hint={t('mon.keywordsHint')} value={keywords} onChange={setKeywords} name="keywords" autoFocus />
            {target && <p className="muted small break">{target}</p>}
          </>
        )}
        <SelectField label={t('mon.folder')} value={folderId} onChange={setFolderId} options={[{ value: '', label: t('mon.noFolder') }, ...folders.map((f) => ({ value: String(f.id), label: f.name }))]} />
        {submit.error && <Alert kind="error">{submit.error}</Alert>}
        {candidates.length > 0 && (
          <fieldset>
            <legend>{t('mon.chooseFeed')}</legend>
            <ul className="plain-list">
              {candidates.map((c) => (
                <li key={c.url}>
                  <button type="button" className="btn btn--link" onClick={() => void subscribe(c.url, c.title)}>
                    {c.title}
                  </button>{' '}
                  <span className="muted small break">{c.url}</span>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={submit.busy || !target}>
            {submit.busy ? t('mon.checking') : t('mon.subscribe')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
