/**
 * Indonesian text folded for comparison: case, punctuation, chat spellings and common affixes, so
 * that "jln rusak parah gak diperbaiki2" and "Jalan rusak, tidak ada perbaikan" share their words.
 */
const SLANG: Record<string, string> = {
  gak: 'tidak', ga: 'tidak', nggak: 'tidak', enggak: 'tidak', tdk: 'tidak', gk: 'tidak', kagak: 'tidak', ngga: 'tidak',
  yg: 'yang', dgn: 'dengan', utk: 'untuk', untk: 'untuk', sdh: 'sudah', udah: 'sudah', udh: 'sudah', blm: 'belum', belom: 'belum',
  jln: 'jalan', jl: 'jalan', dr: 'dari', krn: 'karena', karna: 'karena', sy: 'saya', aku: 'saya', gue: 'saya', gw: 'saya',
  bgt: 'banget', bngt: 'banget', tp: 'tapi', tpi: 'tapi', jg: 'juga', aja: 'saja', aj: 'saja', sm: 'sama', kmrn: 'kemarin',
  skrg: 'sekarang', skrng: 'sekarang', org: 'orang', bs: 'bisa', bsa: 'bisa', msh: 'masih', lg: 'lagi', bnyk: 'banyak',
  pemda: 'pemerintah', pemkab: 'pemerintah', kab: 'kabupaten', kec: 'kecamatan', puskes: 'puskesmas', rs: 'rumahsakit',
  ektp: 'ktp', 'e-ktp': 'ktp', 'ktp-el': 'ktp', duit: 'uang', pungutan: 'pungli', hoax: 'hoaks', hoaxs: 'hoaks',
  disdukcapil: 'dukcapil', capil: 'dukcapil', bikin: 'buat', pdam: 'pdam', pju: 'lampu', bansos: 'bansos', kades: 'kepaladesa',
  fb: 'facebook', ig: 'instagram', wa: 'whatsapp', tt: 'tiktok', smpn: 'smp', sdn: 'sd', sman: 'sma', numpuk: 'tumpuk', ambrol: 'ambruk',
};

/** Words that name one idea after stemming: being charged money is the same story whichever word is used. */
const SAME_IDEA: Record<string, string> = {
  bayar: 'biaya', pungut: 'biaya', uang: 'biaya', tarif: 'biaya', ongkos: 'biaya', duit: 'biaya',
  padam: 'mati', rendam: 'banjir', lumpuh: 'lumpuh', imunisasi: 'vaksin', vaksinasi: 'vaksin', siswa: 'pelajar', murid: 'pelajar',
  hapus: 'tiada', tiada: 'tiada', guncang: 'gempa', terjang: 'banjir', keluh: 'keluh', tolak: 'tolak',
};

/** "Rp50.000", "50 ribu" and "50rb" are one amount; letters and digits stuck together are split. */
function foldNumbers(text: string): string {
  return text
    .replace(/(\d)[.,](?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+)\s*(?:rb|ribu|k)\b/g, '$1000')
    .replace(/\b(\d+)\s*(?:jt|juta)\b/g, '$1000000')
    .replace(/\brp\.?\s*/g, '')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2');
}

const STOP = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'untuk', 'dengan', 'pada', 'ada', 'adalah', 'akan', 'atau', 'juga', 'saja',
  'sudah', 'belum', 'tidak', 'bisa', 'karena', 'oleh', 'saya', 'kami', 'kita', 'mereka', 'dia', 'ia', 'nya', 'para', 'banget',
  'lagi', 'masih', 'sangat', 'tapi', 'tetapi', 'sama', 'kalau', 'kok', 'sih', 'dong', 'deh', 'nih', 'tuh', 'ya', 'yah', 'lah',
  'sekarang', 'kemarin', 'hari', 'orang', 'warga', 'banyak', 'bagaimana', 'kenapa', 'apa', 'mohon', 'tolong', 'min', 'admin',
]);

const PREFIXES: [RegExp, string][] = [
  [/^(meny)/, 's'], [/^(peny)/, 's'], [/^(mem)(?=[aiueo])/, 'p'], [/^(pem)(?=[aiueo])/, 'p'], [/^(men)(?=[aiueo])/, 't'], [/^(pen)(?=[aiueo])/, 't'],
  [/^(meng|peng|mem|pem|men|pen|me|pe)/, ''], [/^(di|ter|ber|ke|se)/, ''],
];

// Stemming is a handful of regular expressions per word, and the same words come back in every
// headline: remembered, grouping thousands of arriving items costs a lookup per word.
const stems = new Map<string, string>();
const STEM_CACHE = 50_000;

/** A light Indonesian stemmer: particles, possessives, then one derivational suffix and prefix. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = stemNow(word);
  if (stems.size >= STEM_CACHE) stems.clear();
  stems.set(word, result);
  return result;
}

function stemNow(word: string): string {
  let w = word;
  if (w.length <= 4) return w;
  w = w.replace(/(lah|kah|tah|pun)$/, '');
  w = w.replace(/(nya|ku|mu)$/, '');
  if (w.length > 5) w = w.replace(/(kan|an|i)$/, '');
  for (const [re, replacement] of PREFIXES) {
    const m = re.exec(w);
    if (m && w.length - m[0].length >= 3) {
      w = w.replace(re, replacement);
      break;
    }
  }
  return w;
}

/** The comparable words of a text: folded, slang resolved, stop words dropped, stemmed, repeats ("2") removed. */
export function normalizeTokens(text: string): string[] {
  const words = foldNumbers(
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/(\p{L}+)2\b/gu, '$1'),
  )
    .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)?/gu);
  const out: string[] = [];
  for (const raw of words ?? []) {
    const w = SLANG[raw] ?? raw.replace(/-.*$/, '');
    if (STOP.has(w) || w.length < 2) continue;
    const st = stem(w);
    out.push(SAME_IDEA[st] ?? st);
  }
  return out;
}

/** Space-separated stems, as stored beside each case for the similarity index. */
export function normalizedText(text: string): string {
  return [...new Set(normalizeTokens(text))].join(' ');
}

/**
 * The comparable words of a headline, cheaply: no number or slang folding, which headlines rarely
 * need, so grouping thousands of arriving items a second stays cheap.
 */
export function headlineWords(title: string): string[] {
  const lower = title.toLowerCase();
  const folded = /[^ -~]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
  const out: string[] = [];
  for (const raw of folded.split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    const st = stem(raw);
    out.push(SAME_IDEA[st] ?? st);
  }
  return out;
}
