import type { Editor as TiptapEditor } from '@tiptap/react';
import { useRef, useState } from 'react';
import type { Template } from '../../../src/api/contract';
import { RELEASE_KINDS, type ReleaseKind } from '../../../src/shared/release-kinds';
import { call } from '../../app/api';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { Editor } from '../../ui/editor/Editor';
import { TextField } from '../../ui/Field';
import { ReleaseFieldsForm } from '../../ui/ReleaseFields';
import { useAsync } from '../../ui/useAsync';

function TemplateForm({ kind, template, onSaved }: { kind: ReleaseKind; template: Template; onSaved(): void }) {
  const { t } = useI18n();
  const zone = useZone();
  const [title, setTitle] = useState(template.title);
  const [fields, setFields] = useState(template.fields);
  const editor = useRef<TiptapEditor | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  async function run(work: () => Promise<unknown>, ok: string) {
    setMsg(undefined);
    try {
      await work();
      setMsg({ kind: 'success', text: ok });
      onSaved();
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    }
  }
  return (
    <div className="card">
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <p className="muted small">{t('templates.hint')}</p>
      <TextField label={t('release.headline')} value={title} onChange={setTitle} />
      <Editor content={template.body} editable onReady={(e) => (editor.current = e)} label={t('release.body')} />
      <ReleaseFieldsForm kind={kind} value={fields} onChange={setFields} disabled={false} zone={zone} />
      <div className="actions">
        <button className="btn" onClick={() => void run(() => call('releases.resetTemplate', { kind }), t('templates.resetDone'))}>
          {t('templates.reset')}
        </button>
        <button className="btn btn--primary" onClick={() => void run(() => call('releases.saveTemplate', { kind, title, fields: { ...fields }, body: editor.current?.getJSON() ?? template.body }), t('common.saved'))}>
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}

/** Admins shape how each kind of document starts, and how numbers are written. */
export function TemplatesScreen() {
  const { t } = useI18n();
  const data = useAsync(() => call('releases.templates', {}), []);
  const [kind, setKind] = useState<ReleaseKind>('siaran_pers');
  const [pattern, setPattern] = useState<string>();
  const [patternMsg, setPatternMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [version, setVersion] = useState(0);
  if (data.error) return <Alert kind="error">{data.error}</Alert>;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const current = pattern ?? data.data.numberPattern;
  return (
    <div className="page">
      <h1>{t('templates.title')}</h1>
      <section className="card">
        <h2>{t('templates.numbering')}</h2>
        {patternMsg && <Alert kind={patternMsg.kind}>{patternMsg.text}</Alert>}
        <div className="row">
          <TextField label={t('templates.pattern')} hint={t('templates.patternHint')} value={current} onChange={setPattern} />
          <div className="row__end">
            <button
              className="btn btn--primary"
              onClick={async () => {
                try {
                  const r = await call('releases.setNumberPattern', { pattern: current });
                  setPatternMsg({ kind: 'success', text: t('templates.patternSaved', { example: r.example }) });
                } catch (e) {
                  setPatternMsg({ kind: 'error', text: (e as Error).message });
                }
              }}
            >
              {t('common.save')}
            </button>
          </div>
        </div>
      </section>
      <div className="tabs" role="tablist">
        {RELEASE_KINDS.map((k) => (
          <button key={k} role="tab" aria-selected={k === kind} className={k === kind ? 'tab tab--on' : 'tab'} onClick={() => setKind(k)}>
            {t(`kind.${k}`)}
          </button>
        ))}
      </div>
      <TemplateForm
        key={`${kind}-${version}`}
        kind={kind}
        template={data.data.templates[kind]}
        onSaved={() => {
          data.reload();
          setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}
