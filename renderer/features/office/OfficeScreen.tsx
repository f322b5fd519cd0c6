import { useState, type FormEvent } from 'react';
import { ApiFailure, call } from '../../app/api';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { emptyOffice, fieldErrors, OfficeFields, type OfficeDraft } from '../../ui/OfficeFields';

export function OfficeScreen() {
  const { t } = useI18n();
  const { workspace, refreshWorkspace } = useSession();
  const [draft, setDraft] = useState<OfficeDraft>(workspace.office ?? emptyOffice);
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    setSaved(false);
    try {
      setDraft(await call('workspace.updateOffice', draft));
      await refreshWorkspace();
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiFailure) setErrors(fieldErrors(err.details));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>{t('office.title')}</h1>
      <p className="muted">{t('office.intro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        {error && <Alert kind="error">{error}</Alert>}
        {saved && <Alert kind="success">{t('common.saved')}</Alert>}
        <OfficeFields value={draft} onChange={setDraft} errors={errors} />
        <button className="btn btn--primary" type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </div>
  );
}
