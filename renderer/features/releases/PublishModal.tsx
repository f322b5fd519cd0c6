import { useState } from 'react';
import type { DocumentView, Prepared } from '../../../src/api/contract';
import { checkVariant, countChars, LIMITS, TELEGRAM_CAPTION, type ChannelKind, type VariantProblem } from '../../../src/shared/channel-rules';
import { isoToLocalInput, localInputToIso } from '../../../src/shared/zones';
import { ApiFailure, call } from '../../app/api';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useAsync } from '../../ui/useAsync';

type Social = Extract<Prepared['variant'], { kind: 'social' }>;
type Website = Extract<Prepared['variant'], { kind: 'website' }>;
type SocialKind = Exclude<ChannelKind, 'wordpress'>;

function problemText(t: ReturnType<typeof useI18n>['t'], p: VariantProblem): string {
  if (p.code === 'tooLong') return t('pub.problem.tooLong', { count: p.count, max: p.max });
  if (p.code === 'tooManyImages') return t('pub.problem.tooManyImages', { count: p.count, max: p.max });
  return t(`pub.problem.${p.code}` as MessageKey);
}

/** The social post as the network would show it: account, text (link placeholder marked), images. */
function Preview({ kind, name, v }: { kind: SocialKind; name: string; v: Social }) {
  const { t } = useI18n();
  return (
    <div className={`preview preview--${kind}`} aria-label={t('pub.preview')}>
      <div className="preview__who">{name}</div>
      <div className="preview__text">
        {v.text.split('{tautan}').map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="preview__link">{t('pub.linkLater')}</span>}
            {part}
          </span>
        ))}
      </div>
      {v.images.length > 0 && <div className="preview__images">{t('pub.images', { n: v.images.length })}</div>}
    </div>
  );
}

function SocialEditor({ p, v, onChange }: { p: Prepared; v: Social; onChange(v: Social): void }) {
  const { t } = useI18n();
  const kind = p.channel.kind as SocialKind;
  const max = kind === 'telegram' && v.images.length ? TELEGRAM_CAPTION : (p.channel.maxCharacters ?? LIMITS[kind].maxChars);
  const count = countChars(kind, v.text);
  const problems = checkVariant(kind, v.text, v.images.length, p.channel.maxCharacters ?? undefined);
  return (
    <div className="pub-variant__body">
      <label className="field">
        <span>{t('pub.text')}</span>
        <textarea rows={6} value={v.text} onChange={(e) => onChange({ ...v, text: e.target.value })} aria-label={`${t('pub.text')} ${p.channel.name}`} />
      </label>
      <div className={`small ${count > max && !LIMITS[kind].threads ? 'text-error' : 'muted'}`} data-testid={`count-${p.channel.id}`}>
        {t('pub.count', { count, max })}
        {LIMITS[kind].threads && count > max ? ` · ${t('pub.thread')}` : ''}
      </div>
      {v.images.length > 0 && (
        <label className="check">
          <input type="checkbox" checked onChange={() => onChange({ ...v, images: [] })} /> {t('pub.withImages', { n: v.images.length })}
        </label>
      )}
      {problems.map((pr, i) => (
        <div key={i} className="text-error small" role="alert">
          {problemText(t, pr)}
        </div>
      ))}
      <Preview kind={kind} name={p.channel.name} v={v} />
    </div>
  );
}

function WebsiteEditor({ v, onChange }: { v: Website; onChange(v: Website): void }) {
  const { t } = useI18n();
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <div className="pub-variant__body">
      <TextField label={t('pub.postTitle')} value={v.title} onChange={(title) => onChange({ ...v, title })} />
      <TextField label={t('pub.excerpt')} value={v.excerpt} onChange={(excerpt) => onChange({ ...v, excerpt })} />
      <TextField label={t('pub.categories')} hint={t('pub.commaHint')} value={v.categories.join(', ')} onChange={(s) => onChange({ ...v, categories: list(s) })} />
      <TextField label={t('pub.tags')} hint={t('pub.commaHint')} value={v.tags.join(', ')} onChange={(s) => onChange({ ...v, tags: list(s) })} />
      <label className="check">
        <input type="checkbox" checked={v.draft} onChange={(e) => onChange({ ...v, draft: e.target.checked })} /> {t('pub.asDraft')}
      </label>
      <p className="muted small">{t('pub.websiteBody')}</p>
    </div>
  );
}

/** Choose channels, adjust each variant, publish now or at a time in the office's zone. */
export function PublishModal({ doc, onClose, onDone }: { doc: DocumentView; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const zone = useZone();
  const channels = useAsync(() => call('channels.list', {}), []);
  const [chosen, setChosen] = useState<number[]>([]);
  const [prepared, setPrepared] = useState<Prepared[] | null>(null);
  const [variants, setVariants] = useState<Record<number, Prepared['variant']>>({});
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState(() => isoToLocalInput(new Date(Date.now() + 3_600_000).toISOString(), zone));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const usable = channels.data?.filter((c) => c.active && c.hasSecret) ?? [];

  async function prepareVariants() {
    setError(undefined);
    try {
      const p = await call('publications.prepare', { documentId: doc.id, channelIds: chosen });
      setPrepared(p);
      setVariants(Object.fromEntries(p.map((x) => [x.channel.id, x.variant])));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  // Channels where this release already is (or is on its way) are shown but not sent again.
  const sendable = prepared?.filter((p) => p.action) ?? [];

  async function go() {
    if (!sendable.length) return;
    setBusy(true);
    setError(undefined);
    try {
      await call('publications.publish', {
        documentId: doc.id,
        items: sendable.map((p) => ({ channelId: p.channel.id, variant: variants[p.channel.id]! })),
        scheduledAt: when === 'later' ? localInputToIso(at, zone) : null,
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiFailure && e.details?.problems ? `${e.message}` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t('pub.title')} onClose={onClose}>
      {(error ?? channels.error) && <Alert kind="error">{error ?? channels.error}</Alert>}
      {!prepared ? (
        <>
          {usable.length === 0 && channels.data && <Alert kind="info">{t('pub.noChannels')}</Alert>}
          <fieldset>
            <legend>{t('pub.channels')}</legend>
            {usable.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} /> {c.name}{' '}
                <span className="muted small">({t(`ch.kind.${c.kind}` as MessageKey)})</span>
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button className="btn btn--primary" onClick={() => void prepareVariants()} disabled={!chosen.length}>
              {t('pub.prepare')}
            </button>
          </div>
        </>
      ) : (
        <>
          {prepared.map((p) => {
            const v = variants[p.channel.id]!;
            return (
              <section key={p.channel.id} className="pub-variant" data-testid={`variant-${p.channel.id}`}>
                <h3>
                  {p.channel.name} <span className="muted small">{t(`ch.kind.${p.channel.kind}` as MessageKey)}</span>
                </h3>
                {!p.action ? (
                  <Alert kind="info">{t('pub.already', { status: t(`pub.status.${p.existing!.status}` as MessageKey) })}</Alert>
                ) : v.kind === 'website' ? (
                  <>
                    {p.action === 'correct' && <Alert kind="info">{t('pub.correction')}</Alert>}
                    <WebsiteEditor v={v} onChange={(nv) => setVariants({ ...variants, [p.channel.id]: nv })} />
                  </>
                ) : (
                  <SocialEditor p={p} v={v} onChange={(nv) => setVariants({ ...variants, [p.channel.id]: nv })} />
                )}
              </section>
            );
          })}
          <fieldset>
            <legend>{t('pub.when')}</legend>
            <label className="check">
              <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} /> {t('pub.now')}
            </label>
            <label className="check">
              <input type="radio" name="when" checked={when === 'later'} onChange={() => setWhen('later')} /> {t('pub.later')}
            </label>
            {when === 'later' && <TextField label={t('pub.at', { zone })} type="datetime-local" value={at} onChange={setAt} name="at" />}
          </fieldset>
          <div className="actions">
            <button className="btn" onClick={() => setPrepared(null)}>
              {t('pub.back')}
            </button>
            <button className="btn btn--primary" onClick={() => void go()} disabled={busy || !sendable.length} data-testid="publish-go">
              {when === 'now' ? t('pub.publishNow') : t('pub.schedule')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
