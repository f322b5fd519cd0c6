import { LINK_PLACEHOLDER } from '../../shared/channel-rules';
import type { AdapterContext, SocialVariant } from './types';

/** The variant's text with the website's address in place of {tautan} (or the line dropped). */
export function socialText(ctx: AdapterContext, v: SocialVariant): string {
  if (!v.text.includes(LINK_PLACEHOLDER)) return v.text;
  if (ctx.websiteUrl) return v.text.split(LINK_PLACEHOLDER).join(ctx.websiteUrl);
  return v.text
    .split('\n')
    .filter((line) => !line.includes(LINK_PLACEHOLDER))
    .join('\n')
    .trim();
}
