import { useEffect, useState } from 'react';
import type { CaseConfig } from '../../../src/api/contract';
import { SEVERITIES } from '../../../src/shared/case-rules';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** Categories, regions, OPDs, response targets and the holiday list: each office's own. */
export function CaseSettingsScreen() {
  const { t } = useI18n();
  const data = useAsync(() => call('cases.settings', {}), []);
  const [cfg, setCfg] = useState<CaseConfig>();
  const [regions, setRegions] = useState('');
  const [opds, setOpds] = useState('');
  const [categories, setCategories] = useState('');
  const [holiday, setHoliday] = useState({ day: '', name: '' });
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  useEffect(() => {
    if (!data.data || cfg) return;
    setCfg(data.data.config);
    setRegions(data.data.config.regions.join('\n'));
    setOpds(data.data.config.opds.join('\n'));
    setCategories(data.data.config.categories.map((c) => `${c.id} | ${c.label} | ${c.weight}`).join('\n'));
  }, [data.data, cfg]);
  if (data.error) return <Alert kind="error">{data.error}</Alert>;
  if (!data.data || !cfg) return <p>{t('common.loading')}</p>;

  async function run(work: () => Promise<unknown>) {
    setMsg(undefined);
    try {
      await work();
      setMsg({ kind: 'success', text: t('common.saved') });
      data.reload();
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    }
  }

  const save = () =>
    run(() =>
      call('cases.saveConfig', {
        ...cfg!,
        regions: lines(regions),
        opds: lines(opds),
        categories: lines(categories).map((l) => {
          const [id = '', label = '', weight = '0'] = l.split('|').map((x) => x.trim());
          return { id, label, weight: Number(weight) || 0 };
        }),
      }),
    );

  return (
    <div className="page">
      <h1>{t('caseSettings.title')}</h1>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <section className="card">
        <h2>{t('caseSettings.targets')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th />
              {SEVERITIES.map((s) => (
                <th key={s}>{t(`severity.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['rumor', 'complaint'] as const).map((k) => (
              <tr key={k}>
                <td>{t(`caseKind.${k}`)}</td>
                {SEVERITIES.map((s) => (
                  <td key={s}>
                    <input
                      className="num"
                      type="number"
                      min={0}
                      max={60}
                      aria-label={`${t(`caseKind.${k}`)} ${t(`severity.${s}`)}`}
                      value={cfg.targets[k][s]}
                      onChange={(e) => setCfg({ ...cfg, targets: { ...cfg.targets, [k]: { ...cfg.targets[k], [s]: Number(e.target.value) } } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('caseSettings.targetsHint')}</p>
        <div className="grid2">
          <div className="field">
            <label htmlFor="cats">{t('caseSettings.categories')}</label>
            <textarea id="cats" rows={8} value={categories} onChange={(e) => setCategories(e.target.value)} />
            <div className="field__hint">{t('caseSettings.categoriesHint')}</div>
          </div>
          <div className="field">
            <label htmlFor="regions">{t('caseSettings.regions')}</label>
            <textarea id="regions" rows={8} value={regions} onChange={(e) => setRegions(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="opds">{t('caseSettings.opds')}</label>
            <textarea id="opds" rows={8} value={opds} onChange={(e) => setOpds(e.target.value)} />
          </div>
        </div>
        <button className="btn btn--primary" onClick={() => void save()}>
          {t('common.save')}
        </button>
      </section>
      <section className="card">
        <h2>{t('caseSettings.holidays')}</h2>
        <p className="muted small">{t('caseSettings.holidaysHint')}</p>
        <ul className="task-list">
          {data.data.holidays.map((h) => (
            <li key={h.day}>
              {h.day} — {h.name}{' '}
              <button className="btn btn--small btn--danger" onClick={() => void run(() => call('cases.setHolidays', { remove: [h.day] }))}>
                {t('fields.remove')}
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <TextField label={t('caseSettings.day')} type="date" value={holiday.day} onChange={(day) => setHoliday({ ...holiday, day })} />
          <TextField label={t('caseSettings.holidayName')} value={holiday.name} onChange={(name) => setHoliday({ ...holiday, name })} />
          <div className="row__end">
            <button className="btn" disabled={!holiday.day || !holiday.name.trim()} onClick={() => void run(async () => (await call('cases.setHolidays', { add: [holiday] }), setHoliday({ day: '', name: '' })))}>
              {t('caseSettings.addHoliday')}
            </button>
          </div>
        </div>
      </section>
    </div>
  );
}
