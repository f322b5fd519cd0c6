import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeFeedHtml } from './sanitize';

describe('feed HTML', () => {
  it('drops scripts, handlers, iframes, forms, styles and javascript: links; parks remote images', () => {
    const dirty = `<p onclick="steal()" style="color:red">Warga <b>Bobotsari</b></p>
      <script>alert(1)</script><iframe src="https://evil.example"></iframe>
      <form action="https://evil.example"><input name="p"></form>
      <a href="javascript:alert(1)">klik</a> <a href="https://berita.example/x">baca</a>
      <img src="https://tracker.example/p.gif" onerror="alert(2)" alt="foto"><svg><script>alert(3)</script></svg>`;
    const clean = sanitizeFeedHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|iframe|<form|<input|style=|javascript:|<svg/i);
    expect(clean).toContain('<b>Bobotsari</b>');
    expect(clean).toContain('<a href="https://berita.example/x" rel="noopener noreferrer nofollow" target="_blank">baca</a>');
    expect(clean).toMatch(/<img alt="foto" data-src="https:\/\/tracker\.example\/p\.gif">/);
    expect(clean).not.toMatch(/ src=/);
  });

  it('resolves relative links and images against the item address', () => {
    const clean = sanitizeFeedHtml('<a href="/berita/2">lanjut</a><img src="foto.jpg" alt="x"><a href="javascript:x()">j</a>', 'https://satelit.example/berita/1');
    expect(clean).toContain('href="https://satelit.example/berita/2"');
    expect(clean).toContain('data-src="https://satelit.example/berita/foto.jpg"');
    expect(clean).not.toContain('javascript');
  });

  it('turns HTML into searchable text', () => {
    expect(htmlToText('<p>Jalan &amp; jembatan</p><p>rusak</p>')).toBe('Jalan & jembatan\nrusak');
  });
});

describe('feed text', () => {
  it('keeps words apart across blocks and cells, drops scripts and styles, decodes entities', () => {
    expect(htmlToText('<table><tr><td>Kejobong</td><td>Bukateja</td></tr></table><script>var x = "bocor";</script><style>p{}</style>Harga&nbsp;Rp&#160;5.000 &mdash; naik')).toBe('Kejobong Bukateja\nHarga Rp 5.000 — naik');
    expect(htmlToText('Teks biasa  tanpa tag')).toBe('Teks biasa tanpa tag');
  });
});
