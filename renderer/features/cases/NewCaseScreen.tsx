import { useEffect, useState, type FormEvent } from 'react';
import type { CaseSummary } from '../../../src/api/contract';
import type { CaseKind } from '../../../src/shared/case-rules';
import { call, uploadFile } from '../../app/api';
import { navigate } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { useSubmit } from '../../ui/useSubmit';
import { useAsync } from '../../ui/useAsync';
import { CaseBadges } from './caseLabels';
import { CaseForm, emptyDraft, inputOf, type CaseDraft } from './CaseForm';

/** Similar open cases, looked up as the claim is typed, before anything is saved. */
function useSimilar(text: string) {
  const [hits, setHits] = useState<(CaseSummary & { score: number })[]>([]);
  useEffect(() => {
    if (text.trim().length < 12) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      call('cases.similar', { text }).then(setHits, () => setHits([]));
    }, 350);
    return () => clearTimeout(timer);
  }, [text]);
  return hits;
}

export function NewCaseScreen({ kind }: { kind: CaseKind }) {
  const { t } = useI18n();
  const settings = useAsync(() => call('cases.settings', {}), []);
  const people = useAsync(() => call('users.directory', {}), []);
  const [draft, setDraft] = useState<CaseDraft>();
  const [files, setFiles] = useState<File[]>([]);
  const { busy, error, errors, run } = useSubmit();
  const similar = useSimilar(draft ? `${draft.title} ${draft.details}` : '');
  useEffect(() => {
    if (settings.data && !draft) setDraft(emptyDraft(kind, settings.data.config));
  }, [settings.data, draft, kind]);
  if (settings.error) return <Alert kind="error">{settings.error}</Alert>;
  if (!settings.data || !draft) return <p>{t('common.loading')}</p>;

  const submit = (e: FormEvent) =>
    void run(async () => {
      const created = await call('cases.create', { kind, ...inputOf(draft) });
      for (const f of files) await uploadFile('cases.addFileEvidence', '/api/upload/evidence', f, { id: created.id });
      navigate(`/kasus/${created.id}`);
    }, e);

  return (
    <div className="page">
      <a href="#/kasus" className="small">
        ← {t('cases.title')}
      </a>
      <h1>{kind === 'rumor' ? t('cases.newRumor') : t('cases.newComplaint')}</h1>
      <div className="release__grid">
        <form className="card" onSubmit={submit}>
          {error && <Alert kind="error">{error}</Alert>}
          <CaseForm value={draft} onChange={setDraft} config={settings.data.config} people={people.data ?? []} errors={errors} />
          <div className="field">
            <label htmlFor="evidence-files">{t('cases.evidenceFiles')}</label>
            <input id="evidence-files" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
            {files.length > 0 && <div className="muted small">{files.map((f) => f.name).join(', ')}</div>}
          </div>
          <button className="btn btn--primary" type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('cases.save')}
          </button>
        </form>
        <aside>
          <section className="panel" data-testid="similar">
            <h2>{t('cases.similarTitle')}</h2>
            {similar.length === 0 ? (
              <p className="muted small">{t('cases.similarNone')}</p>
            ) : (
              <>
                <Alert kind="warning">{t('cases.similarFound', { n: similar.length })}</Alert>
                <ul className="task-list">
                  {similar.map((c) => (
                    <li key={c.id}>
                      {/* Plain text, not a link: leaving this page would lose what is being typed. */}
                      <strong>
                        #{c.id} {c.title}
                      </strong>
                      <div>
                        <CaseBadges c={c} /> <span className="muted small">{t('cases.score', { s: Math.round(c.score * 100) })}</span>
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
