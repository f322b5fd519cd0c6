import type { Contact, HakJawabFields, KlarifikasiFields, ReleaseFields, ReleaseKind, SiaranPersFields } from '../../src/shared/release-kinds';
import { VERDICTS } from '../../src/shared/release-kinds';
import { eventDayLabel } from '../../src/shared/indonesian-dates';
import { ZONE_OFFSET_HOURS, type ZoneLabel } from '../../src/shared/zones';
import { useI18n } from '../i18n/i18n';
import { SelectField, TextField } from './Field';

interface Props<F> {
  value: F;
  onChange(v: F): void;
  disabled: boolean;
}

function ContactFields({ value, onChange, disabled }: Props<Contact>) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('fields.contact')}</legend>
      <div className="row">
        <TextField label={t('fields.contactName')} value={value.name} onChange={(name) => onChange({ ...value, name })} name="contactName" />
        <TextField label={t('fields.contactPhone')} value={value.phone} onChange={(phone) => onChange({ ...value, phone })} name="contactPhone" />
        <TextField label={t('fields.contactEmail')} type="email" value={value.email} onChange={(email) => onChange({ ...value, email })} name="contactEmail" />
      </div>
    </fieldset>
  );
}

function WithNumber({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  const { t } = useI18n();
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {t('fields.withNumber')}
    </label>
  );
}

/** datetime-local works in the browser's zone; the office zone is what users mean, so convert. */
const OFFSET = ZONE_OFFSET_HOURS;
function toLocalInput(iso: string | null, zone: ZoneLabel): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + OFFSET[zone] * 3600_000).toISOString().slice(0, 16);
}
function fromLocalInput(v: string, zone: ZoneLabel): string | null {
  if (!v) return null;
  const t = Date.parse(`${v}:00.000Z`);
  return Number.isNaN(t) ? null : new Date(t - OFFSET[zone] * 3600_000).toISOString();
}

function SiaranPers({ value, onChange, disabled, zone }: Props<SiaranPersFields> & { zone: ZoneLabel }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>{t('fields.release')}</legend>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={value.embargoAt === null} onChange={(e) => onChange({ ...value, embargoAt: e.target.checked ? null : new Date(Date.now() + 3600_000).toISOString() })} />
            {t('fields.immediate')}
          </label>
          <WithNumber checked={value.withNumber} onChange={(withNumber) => onChange({ ...value, withNumber })} />
        </div>
        <div className="row">
          {value.embargoAt !== null && (
            <TextField label={t('fields.embargo', { zone })} type="datetime-local" value={toLocalInput(value.embargoAt, zone)} onChange={(v) => onChange({ ...value, embargoAt: fromLocalInput(v, zone) })} name="embargo" />
          )}
          <TextField
            label={t('fields.eventDate')}
            hint={value.eventDate ? t('fields.eventDateHint', { label: eventDayLabel(value.eventDate) }) : undefined}
            type="date"
            value={value.eventDate ?? ''}
            onChange={(v) => onChange({ ...value, eventDate: v || null })}
            name="eventDate"
          />
        </div>
        <TextField label={t('fields.boilerplate')} value={value.boilerplate} onChange={(boilerplate) => onChange({ ...value, boilerplate })} name="boilerplate" />
      </fieldset>
      <ContactFields value={value.contact} onChange={(contact) => onChange({ ...value, contact })} disabled={disabled} />
    </>
  );
}

function Klarifikasi({ value, onChange, disabled }: Props<KlarifikasiFields>) {
  const { t } = useI18n();
  const setSource = (i: number, s: { title: string; url: string }) => onChange({ ...value, sources: value.sources.map((x, j) => (j === i ? s : x)) });
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>{t('fields.claimSection')}</legend>
        <TextField label={t('fields.claim')} value={value.claim} onChange={(claim) => onChange({ ...value, claim })} name="claim" />
        <SelectField
          label={t('fields.verdict')}
          value={value.verdict ?? ''}
          onChange={(v) => onChange({ ...value, verdict: (v || null) as KlarifikasiFields['verdict'] })}
          options={[{ value: '', label: t('fields.verdictNone') }, ...VERDICTS.map((v) => ({ value: v, label: v }))]}
          name="verdict"
        />
        <div className="field">
          <label>{t('fields.sources')}</label>
          {value.sources.map((s, i) => (
            <div className="row" key={i}>
              <TextField label={t('fields.sourceTitle', { n: i + 1 })} value={s.title} onChange={(title) => setSource(i, { ...s, title })} />
              <TextField label={t('fields.sourceUrl', { n: i + 1 })} value={s.url} onChange={(url) => setSource(i, { ...s, url })} />
              <button type="button" className="btn btn--small btn--danger row__end" onClick={() => onChange({ ...value, sources: value.sources.filter((_, j) => j !== i) })}>
                {t('fields.remove')}
              </button>
            </div>
          ))}
          <div>
            <button type="button" className="btn btn--small" onClick={() => onChange({ ...value, sources: [...value.sources, { title: '', url: '' }] })}>
              {t('fields.addSource')}
            </button>
          </div>
        </div>
        <WithNumber checked={value.withNumber} onChange={(withNumber) => onChange({ ...value, withNumber })} />
      </fieldset>
      <ContactFields value={value.contact} onChange={(contact) => onChange({ ...value, contact })} disabled={disabled} />
    </>
  );
}

function HakJawab({ value, onChange, disabled }: Props<HakJawabFields>) {
  const { t } = useI18n();
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>{t('fields.articleSection')}</legend>
        <div className="row">
          <TextField label={t('fields.outlet')} value={value.outlet} onChange={(outlet) => onChange({ ...value, outlet })} name="outlet" />
          <TextField label={t('fields.articleDate')} type="date" value={value.articleDate ?? ''} onChange={(v) => onChange({ ...value, articleDate: v || null })} name="articleDate" />
        </div>
        <TextField label={t('fields.articleTitle')} value={value.articleTitle} onChange={(articleTitle) => onChange({ ...value, articleTitle })} name="articleTitle" />
        <TextField label={t('fields.articleUrl')} type="url" value={value.articleUrl} onChange={(articleUrl) => onChange({ ...value, articleUrl })} name="articleUrl" />
        <div className="row">
          <TextField label={t('fields.sentAt')} type="date" value={value.sentAt ?? ''} onChange={(v) => onChange({ ...value, sentAt: v || null })} name="sentAt" />
          <label className="check">
            <input type="checkbox" checked={value.printed} onChange={(e) => onChange({ ...value, printed: e.target.checked, printedAt: e.target.checked ? value.printedAt : null })} />
            {t('fields.printed')}
          </label>
          {value.printed && <TextField label={t('fields.printedAt')} type="date" value={value.printedAt ?? ''} onChange={(v) => onChange({ ...value, printedAt: v || null })} name="printedAt" />}
        </div>
        <WithNumber checked={value.withNumber} onChange={(withNumber) => onChange({ ...value, withNumber })} />
      </fieldset>
      <ContactFields value={value.contact} onChange={(contact) => onChange({ ...value, contact })} disabled={disabled} />
    </>
  );
}

/** The metadata of each kind of document, beside its text. */
export function ReleaseFieldsForm({ kind, value, onChange, disabled, zone }: { kind: ReleaseKind; value: ReleaseFields; onChange(v: ReleaseFields): void; disabled: boolean; zone: ZoneLabel }) {
  if (kind === 'siaran_pers') return <SiaranPers value={value as SiaranPersFields} onChange={onChange} disabled={disabled} zone={zone} />;
  if (kind === 'klarifikasi') return <Klarifikasi value={value as KlarifikasiFields} onChange={onChange} disabled={disabled} />;
  return <HakJawab value={value as HakJawabFields} onChange={onChange} disabled={disabled} />;
}
