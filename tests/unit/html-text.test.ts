import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/lib/html-text';

describe('text for a library that takes HTML (MapLibre attribution)', () => {
  it('shows a planted link as its own characters', () => {
    const planted = '© Karta <a href="https://evil.example/">klicka</a> & \'x\'';
    const html = htmlText(planted);
    expect(html).not.toContain('<a');
    // Parsed back as HTML it is exactly the text typed.
    const decoded = html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
    expect(decoded).toBe(planted);
  });
});
