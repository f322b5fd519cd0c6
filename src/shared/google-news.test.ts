import { describe, expect, it } from 'vitest';
import { googleNewsSearchUrl } from './google-news';

describe('Google News search helper', () => {
  it('makes the Indonesian edition RSS search URL for the keywords, phrases and OR intact', () => {
    expect(googleNewsSearchUrl('  "Dinkominfo Purbalingga"   OR  hoaks ')).toBe('https://news.google.com/rss/search?q=%22Dinkominfo%20Purbalingga%22%20OR%20hoaks&hl=id&gl=ID&ceid=ID:id');
  });
});
