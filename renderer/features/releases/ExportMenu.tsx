import { useState } from 'react';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { downloadFile } from '../../ui/download';
import { useToast } from '../../ui/toasts';

const FORMATS = ['docx', 'pdf', 'html', 'markdown', 'whatsapp'] as const;

/** Export the saved version as a file, or copy the WhatsApp text. */
export function ExportMenu({ docId, version, small = false }: { docId: number; version: number; small?: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  async function run(format: (typeof FORMATS)[number], copy = false) {
    setBusy(true);
    try {
      const r = await call('releases.export', { id: docId, format, version });
      if (copy) {
        await navigator.clipboard.writeText(r.data);
        toast('success', t('export.copied'));
      } else downloadFile(r.fileName, r.data, r.encoding, r.mime);
    } catch (e) {
      toast('error', (e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className={`menu${small ? ' menu--inline' : ''}`}>
      <summary className={small ? 'btn btn--small' : 'btn'}>{small ? t('export.thisVersion', { v: version }) : t('export.title')}</summary>
      <div className="menu__items">
        {FORMATS.map((f) => (
          <button key={f} className="btn btn--ghost" disabled={busy} onClick={() => void run(f)} data-testid={`export-${f}`}>
            {t(`export.${f}`)}
          </button>
        ))}
        <button className="btn btn--ghost" disabled={busy} onClick={() => void run('whatsapp', true)} data-testid="export-copy-whatsapp">
          {t('export.copyWhatsapp')}
        </button>
      </div>
    </details>
  );
}
