import { useEffect, useState } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/Field';
import { TextDiff } from '../../ui/TextDiff';
import { useAsync } from '../../ui/useAsync';
import { ExportMenu } from './ExportMenu';

async function versionText(id: number, version: number): Promise<string> {
  const v = await call('releases.version', { id, version });
  return `${v.title}\n\n${v.bodyText}`;
}

/** Every saved version; compare any two, restore one (which becomes the newest version). */
export function VersionsPanel({ doc, onRestored, beforeRestore }: { doc: DocumentView; onRestored(d: DocumentView): void; beforeRestore(): Promise<boolean> }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const versions = useAsync(() => call('releases.versions', { id: doc.id }), [doc.id, doc.version]);
  const [a, setA] = useState(Math.max(1, doc.version - 1));
  const [b, setB] = useState(doc.version);
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  const [texts, setTexts] = useState<[string, string]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setB(doc.version);
    setA(Math.max(1, doc.version - 1));
  }, [doc.version]);
  useEffect(() => {
    let live = true;
    Promise.all([versionText(doc.id, a), versionText(doc.id, b)]).then(
      (x) => live && setTexts(x),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [doc.id, a, b]);

  const options = (versions.data ?? []).map((v) => ({ value: String(v.version), label: `v${v.version} · ${v.author.displayName} · ${formatDateTime(v.createdAt, zone, lang)}` }));
  return (
    <div data-testid="versions">
      {error && <Alert kind="error">{error}</Alert>}
      <ol className="versions">
        {versions.data?.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong> · {v.author.displayName} · <span className="muted small">{formatDateTime(v.createdAt, zone, lang)}</span> · {t('checks.words', { n: v.wordCount })}
            {v.note && <div className="muted small">{v.note}</div>}
            <ExportMenu docId={doc.id} version={v.version} small />
            {doc.can.edit && v.version !== doc.version && (
              <button
                className="btn btn--small"
                onClick={async () => {
                  setError(undefined);
                  try {
                    if (!(await beforeRestore())) return;
                    onRestored(await call('releases.restoreVersion', { id: doc.id, version: v.version, baseVersion: doc.version }));
                  } catch (e) {
                    setError((e as Error).message);
                  }
                }}
              >
                {t('versions.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {options.length > 1 && (
        <>
          <h3>{t('versions.compare')}</h3>
          <div className="row">
            <SelectField label={t('versions.from')} value={String(a)} onChange={(v) => setA(Number(v))} options={options} />
            <SelectField label={t('versions.to')} value={String(b)} onChange={(v) => setB(Number(v))} options={options} />
            <SelectField
              label={t('versions.mode')}
              value={mode}
              onChange={(v) => setMode(v as 'inline' | 'side')}
              options={[
                { value: 'inline', label: t('versions.inline') },
                { value: 'side', label: t('versions.side') },
              ]}
            />
          </div>
          {texts && <TextDiff before={texts[0]} after={texts[1]} mode={mode} />}
        </>
      )}
    </div>
  );
}
