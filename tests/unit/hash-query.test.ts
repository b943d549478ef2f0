// A link with its query after the page (#/lagesbild?lagesbild=…) opens the page with that query (helper-62).
import { describe, expect, it } from 'vitest';
import { withHashQueryMoved } from '../../src/app/hash-query';

describe('a query written inside the hash', () => {
  const base = 'http://127.0.0.1:4173/';
  it('is moved before the hash, the page kept', () => {
    expect(withHashQueryMoved(`${base}#/lagesbild?lagesbild=2026-v31-32`)).toBe(`${base}?lagesbild=2026-v31-32#/lagesbild`);
    expect(withHashQueryMoved(`${base}#/karta?kategori=St%C3%B6ld&omrade=Sk%C3%A5ne`)).toBe(`${base}?kategori=St%C3%B6ld&omrade=Sk%C3%A5ne#/karta`);
    expect(withHashQueryMoved(`${base}#?kategori=Rån`)).toBe(`${base}?kategori=R%C3%A5n#`);
  });
  it('joins a query already before the hash, the hash’s winning', () => {
    expect(withHashQueryMoved(`${base}?lang=sv&kategori=Hot#/trender?kategori=R%C3%A5n`)).toBe(`${base}?lang=sv&kategori=R%C3%A5n#/trender`);
  });
  it('leaves an address without one alone', () => {
    expect(withHashQueryMoved(`${base}?kategori=Hot#/trender`)).toBeNull();
    expect(withHashQueryMoved(`${base}#/`)).toBeNull();
    expect(withHashQueryMoved(base)).toBeNull();
  });
});
