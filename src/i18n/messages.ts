export type Lang = 'id' | 'en';
export type MessageParams = Record<string, string | number>;

// Messages the core says to people. Indonesian first; English must have every key (type-checked).
const id = {
  'validation.invalid': 'Isian belum benar: {issues}',
  'api.unknownMethod': 'Perintah "{method}" tidak dikenal.',
  'api.internal': 'Terjadi kesalahan di aplikasi. Data Anda tidak berubah; coba lagi, dan laporkan ke admin bila berulang.',
  'auth.required': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  'auth.forbidden': 'Peran Anda ({role}) tidak boleh melakukan ini.',
  'auth.badCredentials': 'Nama pengguna atau kata sandi salah.',
  'auth.locked': 'Akun dikunci karena terlalu banyak kata sandi salah. Coba lagi pukul {until}.',
  'auth.inactive': 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.',
  'auth.rateLimited': 'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {minutes} menit.',
  'auth.wrongCurrentPassword': 'Kata sandi saat ini salah.',
  'auth.passwordTooShort': 'Kata sandi minimal {min} karakter.',
  'auth.passwordSameAsOld': 'Kata sandi baru harus berbeda dari yang lama.',
  'auth.mustChangePassword': 'Ganti kata sandi sementara Anda dulu sebelum melanjutkan.',
  'users.notFound': 'Pengguna tidak ditemukan.',
  'users.usernameTaken': 'Nama pengguna "{username}" sudah dipakai.',
  'users.lastAdmin': 'Ini admin aktif terakhir. Jadikan pengguna lain admin dulu.',
  'users.selfDeactivate': 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
  'workspace.notInitialized': 'Ruang kerja belum disiapkan.',
  'workspace.alreadyInitialized': 'Ruang kerja ini sudah disiapkan. Silakan masuk.',
  'workspace.inUse': 'Ruang kerja ini sedang dipakai oleh {holder} (PID {pid}, sejak {since}). Tutup aplikasi itu dulu, atau buka ruang kerja lain.',
  'workspace.notDatabase': 'Berkas {file} rusak atau bukan basis data Beranda Humas. Tidak ada yang diubah. Pulihkan dari cadangan di folder backups/.',
  'workspace.foreignDatabase': 'Berkas {file} adalah basis data SQLite lain, bukan milik Beranda Humas. Tidak ada yang diubah.',
  'workspace.newerVersion': 'Ruang kerja ini dibuat oleh versi Beranda Humas yang lebih baru (skema {found}, versi ini mengenal sampai {known}). Tidak ada yang diubah. Perbarui aplikasi.',
  'workspace.corrupt': 'Basis data {file} rusak ({detail}). Tidak ada yang diubah. Pulihkan dari cadangan.',
  'backups.notFound': 'Cadangan "{name}" tidak ditemukan.',
  'backups.invalid': 'Berkas cadangan "{name}" tidak dapat dipakai: {reason}',
  'backups.busy': 'Pencadangan atau pemulihan lain sedang berjalan. Tunggu sebentar.',
  'backups.tooLarge': 'Berkas terlalu besar untuk diunggah (maksimal {max}).',
  'audit.notFound': 'Entri log audit tidak ditemukan.',
  'releases.notFound': 'Naskah tidak ditemukan.',
  'releases.cannotEdit': 'Anda tidak dapat mengubah naskah ini ({status}).',
  'releases.conflict': 'Naskah ini sudah disimpan oleh {name} pukul {time} (versi {version}) setelah Anda membukanya. Teks Anda belum hilang: bandingkan dulu, lalu pilih.',
  'releases.wrongState': 'Tindakan ini tidak bisa untuk naskah berstatus "{status}".',
  'releases.selfApproval': 'Anda tidak dapat menyetujui naskah yang Anda tulis sendiri. Minta editor lain.',
  'releases.noteRequired': 'Tulis catatan untuk tindakan ini.',
  'releases.urlRequired': 'Isi alamat (URL http/https) tempat naskah terbit.',
  'releases.blocked': 'Naskah belum bisa diajukan: {problems}',
  'releases.correctionNote': 'Naskah yang sudah terbit hanya bisa diubah sebagai ralat: tulis catatan ralatnya.',
  'releases.versionNotFound': 'Versi {version} tidak ditemukan.',
  'releases.tooLarge': 'Naskah terlalu besar untuk disimpan (maksimal {max}).',
  'attachments.notFound': 'Lampiran tidak ditemukan.',
  'attachments.badType': 'Hanya gambar JPEG, PNG, GIF atau WebP yang bisa disisipkan.',
  'attachments.tooLarge': 'Gambar terlalu besar (maksimal {max}).',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'validation.invalid': 'Some fields are not valid: {issues}',
  'api.unknownMethod': 'Unknown command "{method}".',
  'api.internal': 'Something went wrong in the app. Your data is unchanged; try again, and tell your admin if it repeats.',
  'auth.required': 'Your session has ended. Please sign in again.',
  'auth.forbidden': 'Your role ({role}) is not allowed to do this.',
  'auth.badCredentials': 'Wrong username or password.',
  'auth.locked': 'This account is locked after too many wrong passwords. Try again at {until}.',
  'auth.inactive': 'This account has been deactivated. Contact your office admin.',
  'auth.rateLimited': 'Too many sign-in attempts from this address. Try again in {minutes} minutes.',
  'auth.wrongCurrentPassword': 'The current password is wrong.',
  'auth.passwordTooShort': 'Passwords need at least {min} characters.',
  'auth.passwordSameAsOld': 'The new password must differ from the old one.',
  'auth.mustChangePassword': 'Change your temporary password before you continue.',
  'users.notFound': 'User not found.',
  'users.usernameTaken': 'The username "{username}" is already taken.',
  'users.lastAdmin': 'This is the last active admin. Make someone else an admin first.',
  'users.selfDeactivate': 'You cannot deactivate your own account.',
  'workspace.notInitialized': 'The workspace has not been set up yet.',
  'workspace.alreadyInitialized': 'This workspace is already set up. Please sign in.',
  'workspace.inUse': 'This workspace is in use by {holder} (PID {pid}, since {since}). Close that app first, or open another workspace.',
  'workspace.notDatabase': 'The file {file} is damaged or is not a Beranda Humas database. Nothing was changed. Restore from a backup in the backups/ folder.',
  'workspace.foreignDatabase': 'The file {file} is another SQLite database, not a Beranda Humas one. Nothing was changed.',
  'workspace.newerVersion': 'This workspace was made by a newer Beranda Humas (schema {found}; this version knows up to {known}). Nothing was changed. Update the app.',
  'workspace.corrupt': 'The database {file} is damaged ({detail}). Nothing was changed. Restore from a backup.',
  'backups.notFound': 'Backup "{name}" not found.',
  'backups.invalid': 'The backup file "{name}" cannot be used: {reason}',
  'backups.busy': 'Another backup or restore is running. Wait a moment.',
  'backups.tooLarge': 'The file is too large to upload (at most {max}).',
  'audit.notFound': 'Audit log entry not found.',
  'releases.notFound': 'Document not found.',
  'releases.cannotEdit': 'You cannot edit this document ({status}).',
  'releases.conflict': '{name} saved this document at {time} (version {version}) after you opened it. Your text is not lost: compare first, then choose.',
  'releases.wrongState': 'This action is not possible for a document in status "{status}".',
  'releases.selfApproval': 'You cannot approve a document you wrote. Ask another editor.',
  'releases.noteRequired': 'Write a note for this action.',
  'releases.urlRequired': 'Enter the address (http/https URL) where it was published.',
  'releases.blocked': 'The document cannot be submitted yet: {problems}',
  'releases.correctionNote': 'A published document can only change as a correction: write the correction note.',
  'releases.versionNotFound': 'Version {version} not found.',
  'releases.tooLarge': 'The document is too large to save (at most {max}).',
  'attachments.notFound': 'Attachment not found.',
  'attachments.badType': 'Only JPEG, PNG, GIF or WebP images can be inserted.',
  'attachments.tooLarge': 'The image is too large (at most {max}).',
};

const catalogs: Record<Lang, Record<MessageKey, string>> = { id, en };

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[lang][key] ?? catalogs.id[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function parseLang(value: unknown): Lang {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'id';
}
