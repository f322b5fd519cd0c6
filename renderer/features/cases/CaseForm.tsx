import type { CaseConfig, CaseView } from '../../../src/api/contract';
import { PLATFORMS, SEVERITIES, suggestSeverity, type CaseKind, type Platform, type Severity } from '../../../src/shared/case-rules';
import { VERDICTS, type Verdict } from '../../../src/shared/release-kinds';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/Field';

export interface CaseDraft {
  kind: CaseKind;
  title: string;
  details: string;
  platforms: Platform[];
  sourceUrls: string;
  firstSeenAt: string;
  reportedBy: string;
  reach: string;
  category: string;
  region: string;
  opd: string;
  severity: Severity | '';
  assigneeId: string;
  ticket: string;
  tags: string;
  verdict: Verdict | '';
}

export function emptyDraft(kind: CaseKind, config: CaseConfig): CaseDraft {
  return { kind, title: '', details: '', platforms: [], sourceUrls: '', firstSeenAt: '', reportedBy: '', reach: '', category: config.categories[0]?.id ?? 'lainnya', region: '', opd: '', severity: '', assigneeId: '', ticket: '', tags: '', verdict: '' };
}

export function draftOf(c: CaseView): CaseDraft {
  return {
    kind: c.kind, title: c.title, details: c.details, platforms: c.platforms, sourceUrls: c.sourceUrls.join('\n'),
    firstSeenAt: c.firstSeenAt ? c.firstSeenAt.slice(0, 16) : '', reportedBy: c.reportedBy, reach: c.reach === null ? '' : String(c.reach),
    category: c.category, region: c.region, opd: c.opd, severity: c.severityOverridden ? c.severity : '', assigneeId: c.assigneeId ? String(c.assigneeId) : '',
    ticket: c.ticket, tags: c.tags.join(', '), verdict: c.verdict ?? '',
  };
}

/** The form's text turned into the API's input; the time is read as the browser's local time. */
export function inputOf(d: CaseDraft) {
  return {
    title: d.title.trim(),
    details: d.details,
    platforms: d.platforms,
    sourceUrls: d.sourceUrls.split(/\s+/).map((u) => u.trim()).filter(Boolean),
    firstSeenAt: d.firstSeenAt ? new Date(d.firstSeenAt).toISOString() : null,
    reportedBy: d.reportedBy,
    reach: d.reach.trim() ? Number(d.reach.replace(/\D/g, '')) : null,
    category: d.category,
    region: d.region,
    opd: d.opd,
    ...(d.severity ? { severity: d.severity } : {}),
    assigneeId: d.assigneeId ? Number(d.assigneeId) : null,
    ticket: d.ticket,
    tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean),
    verdict: d.verdict || null,
  };
}

interface Props {
  value: CaseDraft;
  onChange(v: CaseDraft): void;
  config: CaseConfig;
  people: { id: number; displayName: string }[];
  errors: Record<string, string>;
  disabled?: boolean;
}

export function CaseForm({ value, onChange, config, people, errors, disabled = false }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof CaseDraft>(k: K) => (v: CaseDraft[K]) => onChange({ ...value, [k]: v });
  const weight = config.categories.find((c) => c.id === value.category)?.weight ?? 0;
  const suggested = suggestSeverity(value.reach.trim() ? Number(value.reach.replace(/\D/g, '')) : null, weight);
  return (
    <fieldset disabled={disabled} className="case-form">
      <TextField label={value.kind === 'rumor' ? t('cases.claim') : t('cases.complaint')} value={value.title} onChange={set('title')} error={errors.title} name="title" maxLength={300} />
      <div className="field">
        <label htmlFor="case-details">{t('cases.details')}</label>
        <textarea id="case-details" rows={4} value={value.details} onChange={(e) => set('details')(e.target.value)} />
      </div>
      <div className="field">
        <label>{t('cases.platforms')}</label>
        <div className="row">
          {PLATFORMS.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={value.platforms.includes(p)} onChange={(e) => set('platforms')(e.target.checked ? [...value.platforms, p] : value.platforms.filter((x) => x !== p))} />
              {t(`platform.${p}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="case-urls">{t('cases.sourceUrls')}</label>
        <textarea id="case-urls" rows={2} value={value.sourceUrls} onChange={(e) => set('sourceUrls')(e.target.value)} placeholder="https://…" />
        {errors.sourceUrls && <div className="field__error">{errors.sourceUrls}</div>}
      </div>
      <div className="row">
        <TextField label={t('cases.firstSeen')} type="datetime-local" value={value.firstSeenAt} onChange={set('firstSeenAt')} name="firstSeenAt" />
        <TextField label={t('cases.reportedBy')} value={value.reportedBy} onChange={set('reportedBy')} name="reportedBy" />
        <TextField label={t('cases.reach')} inputMode="numeric" value={value.reach} onChange={set('reach')} name="reach" />
      </div>
      <div className="row">
        <SelectField label={t('cases.category')} value={value.category} onChange={set('category')} options={config.categories.map((c) => ({ value: c.id, label: c.label }))} name="category" />
        <SelectField label={t('cases.region')} value={value.region} onChange={set('region')} options={[{ value: '', label: '—' }, ...config.regions.map((r) => ({ value: r, label: r }))]} name="region" />
        <SelectField label={t('cases.opd')} value={value.opd} onChange={set('opd')} options={[{ value: '', label: '—' }, ...config.opds.map((o) => ({ value: o, label: o }))]} name="opd" />
      </div>
      <div className="row">
        <SelectField
          label={t('cases.severity')}
          hint={t('cases.severitySuggested', { s: t(`severity.${suggested}`) })}
          value={value.severity}
          onChange={(v) => set('severity')(v as Severity | '')}
          options={[{ value: '', label: t('cases.severityAuto', { s: t(`severity.${suggested}`) }) }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]}
          name="severity"
        />
        <SelectField label={t('cases.assignee')} value={value.assigneeId} onChange={set('assigneeId')} options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: p.displayName }))]} name="assignee" />
        {value.kind === 'rumor' && (
          <SelectField label={t('cases.verdict')} value={value.verdict} onChange={(v) => set('verdict')(v as Verdict | '')} options={[{ value: '', label: '—' }, ...VERDICTS.map((v) => ({ value: v, label: v }))]} name="verdict" />
        )}
      </div>
      <div className="row">
        <TextField label={t('cases.ticket')} hint={t('cases.ticketHint')} value={value.ticket} onChange={set('ticket')} name="ticket" />
        <TextField label={t('cases.tags')} hint={t('cases.tagsHint')} value={value.tags} onChange={set('tags')} name="tags" />
      </div>
    </fieldset>
  );
}
