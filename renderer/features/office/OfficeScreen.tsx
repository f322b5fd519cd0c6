import { useState, type FormEvent } from 'react';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { emptyOffice, OfficeFields, type OfficeDraft } from '../../ui/OfficeFields';
import { useSubmit } from '../../ui/useSubmit';

export function OfficeScreen() {
  const { t } = useI18n();
  const { workspace, refreshWorkspace } = useSession();
  const [draft, setDraft] = useState<OfficeDraft>(workspace.office ?? emptyOffice);
  const [saved, setSaved] = useState(false);
  const { busy, error, errors, run } = useSubmit();
  const submit = (e: FormEvent) => {
    setSaved(false);
    void run(async () => {
      setDraft(await call('workspace.updateOffice', draft));
      await refreshWorkspace();
      setSaved(true);
    }, e);
  };

  return (
    <div className="page">
      <h1>{t('office.title')}</h1>
      <p className="muted">{t('office.intro')}</p>
      <form className="card" onSubmit={submit}>
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
