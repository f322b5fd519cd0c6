/**
 * The Google News RSS search for keywords, in Indonesian for Indonesia: how offices watch for
 * their regency's name. Quoted phrases and OR pass through as Google reads them.
 */
export function googleNewsSearchUrl(keywords: string): string {
  const q = keywords.trim().replace(/\s+/g, ' ');
  return `https://news.google.com/rss/search?q=${encodeURIComponent(q)}&hl=id&gl=ID&ceid=ID:id`;
}
