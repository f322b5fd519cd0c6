import { isAppError } from '../errors';
import { translate } from '../i18n/messages';
import { ChannelError } from './adapters/types';
import { TransportError } from './http';

/** Any failure of a channel call, in plain words for the job and the channel's health line. */
export function describeFailure(e: unknown): string {
  if (e instanceof ChannelError) return e.kind === 'auth' ? `${e.message} — periksa atau perbarui kredensial saluran ini di Pengaturan → Saluran.` : e.message;
  if (e instanceof TransportError) {
    if (e.code === 'BAD_URL') return 'Alamat dasar saluran tidak sah (hanya http atau https).';
    return e.sent
      ? `Koneksi terputus setelah permintaan terkirim (${e.code}): belum pasti apakah sudah terbit.`
      : `Tidak bisa terhubung ke server (${e.code}); akan dicoba lagi saat koneksi kembali.`;
  }
  if (isAppError(e)) return translate('id', e.key, e.params);
  return `Kesalahan tak terduga: ${e instanceof Error ? e.message : String(e)}`;
}
