import type { OfficeSettings } from '../../src/api/contract';
import { useI18n } from '../i18n/i18n';
import { SelectField, TextField } from './Field';

export type OfficeDraft = OfficeSettings;

export const emptyOffice: OfficeDraft = { officeName: '', unitCode: '', city: '', timeZone: 'WIB' };

/** Office details, shared by first-run setup and Settings; shows the dateline they produce. */
export function OfficeFields({ value, onChange, errors = {} }: { value: OfficeDraft; onChange(v: OfficeDraft): void; errors?: Record<string, string> }) {
  const { t } = useI18n();
  const set = <K extends keyof OfficeDraft>(k: K, v: OfficeDraft[K]) => onChange({ ...value, [k]: v });
  const dateline = `${(value.city || 'PURBALINGGA').toUpperCase()}, ${(value.unitCode || 'DINKOMINFO').toUpperCase()} –`;
  return (
    <>
      <TextField label={t('setup.officeName')} hint={t('setup.officeName.hint')} value={value.officeName} onChange={(v) => set('officeName', v)} error={errors.officeName} required maxLength={200} name="officeName" />
      <div className="row">
        <TextField label={t('setup.unitCode')} hint={t('setup.unitCode.hint')} value={value.unitCode} onChange={(v) => set('unitCode', v)} error={errors.unitCode} required maxLength={30} name="unitCode" />
        <TextField label={t('setup.city')} hint={t('setup.city.hint')} value={value.city} onChange={(v) => set('city', v)} error={errors.city} required maxLength={80} name="city" />
      </div>
      <SelectField
        label={t('setup.timeZone')}
        value={value.timeZone}
        onChange={(v) => set('timeZone', v as OfficeDraft['timeZone'])}
        options={(['WIB', 'WITA', 'WIT'] as const).map((z) => ({ value: z, label: t(`tz.${z}`) }))}
        name="timeZone"
      />
      <p className="dateline-preview">
        {t('setup.datelinePreview')} <strong>{dateline}</strong>
      </p>
    </>
  );
}
