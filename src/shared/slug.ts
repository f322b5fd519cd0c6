/** Text as a URL or file-name part: accents dropped, punctuation removed, words joined by "-". */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, max)
    .replace(/-$/, '');
}
