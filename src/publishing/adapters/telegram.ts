import { multipart } from '../http';
import { ChannelError, joinUrl, type Adapter, type AdapterContext, type SocialVariant } from './types';
import { socialText } from './text';

interface TelegramAnswer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

async function bot<T>(ctx: AdapterContext, method: string, body: { json?: unknown; form?: ReturnType<typeof multipart> }): Promise<T> {
  const url = joinUrl(ctx.channel.baseUrl, `/bot${ctx.secret.botToken ?? ''}/${method}`);
  const res = await ctx.http(
    body.form
      ? { method: 'POST', url, headers: { 'Content-Type': body.form.contentType }, body: body.form.body }
      : { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body.json ?? {}) },
  );
  const answer = res.json<TelegramAnswer<T>>();
  if (answer?.ok && answer.result !== undefined) return answer.result;
  const message = `Telegram: ${answer?.description ?? `HTTP ${res.status}`}`;
  if (res.status === 429) throw new ChannelError('retry', message, (answer?.parameters?.retry_after ?? 30) * 1000);
  if (res.status === 401 || res.status === 403) throw new ChannelError('auth', message);
  if (res.status >= 500) throw new ChannelError('server', message);
  throw new ChannelError('rejected', message);
}

/** Telegram channel through the Bot API: sendMessage, or sendPhoto with a caption. */
export const telegram: Adapter = {
  idempotent: false,

  async test(ctx) {
    const me = await bot<{ username: string }>(ctx, 'getMe', {});
    const chat = await bot<{ title?: string; username?: string }>(ctx, 'getChat', { json: { chat_id: ctx.channel.account } });
    return { account: `@${me.username} → ${chat.title ?? chat.username ?? ctx.channel.account}`, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as SocialVariant;
    const text = socialText(ctx, v);
    type Message = { message_id: number; chat: { username?: string } };
    let msg: Message;
    if (v.images[0]) {
      const m = ctx.media(v.images[0]);
      msg = await bot<Message>(ctx, 'sendPhoto', { form: multipart({ chat_id: ctx.channel.account, caption: text }, { field: 'photo', name: m.name, mime: m.mime, bytes: m.bytes }) });
    } else msg = await bot<Message>(ctx, 'sendMessage', { json: { chat_id: ctx.channel.account, text } });
    return { remoteId: String(msg.message_id), url: msg.chat.username ? `https://t.me/${msg.chat.username}/${msg.message_id}` : null };
  },
};
