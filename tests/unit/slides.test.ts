// The speaker's deck (features/lagesbild/slides.ts), its storage (data/slide-decks.ts), the map slide's zoom
// (report-map.model.ts) and the presenter window's clock.
import { Coordinator } from '@uwdata/mosaic-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlideDeck, writeSlideDeck } from '../../src/data/slide-decks';
import { formatElapsed } from '../../src/features/lagesbild/presenter-view.view';
import { briefAssessment } from '../../src/features/lagesbild/lagesbild-brief.view';
import { A4_PORTRAIT_PRINTABLE_PX, fitZoom } from '../../src/lib/fit-zoom';
import { MAX_ZOOM, stepZoom, zoomFrame, zoomToRings, type MapFrame } from '../../src/features/lagesbild/report-map.model';
import {
  DEFAULT_DECK, MAX_NOTE_LENGTH, SLIDES, arrangementOf, commandForKey, controlKeepsKey, moveInDeck, moveSlide, normaliseDeck, setSlideNote,
  setSlideShown, shownSlides,
} from '../../src/features/lagesbild/slides';
import { nodeConnector } from './support/node-connector';
import { createSchemaRunner } from '../../scripts/node-runner';

describe('the slide deck', () => {
  it('opens with I korthet first; the plain title slide is there to add', () => {
    expect(shownSlides(DEFAULT_DECK)[0]).toBe('brief');
    expect(DEFAULT_DECK.order).toEqual([...SLIDES]);
    expect(shownSlides(DEFAULT_DECK)).not.toContain('title');
  });

  it('reads anything stored: unknown slides dropped, doubles removed, missing slides put back after their predecessor', () => {
    expect(normaliseDeck(null)).toEqual(DEFAULT_DECK);
    expect(normaliseDeck('not a deck')).toEqual(DEFAULT_DECK);
    const deck = normaliseDeck({ order: ['goals', 'map', 'gone', 'map', 'brief'], hidden: ['map', 'nope', 'map'], notes: { map: 'Visa Hamnen', nope: 'x', goals: '  ', brief: 7 } });
    expect(deck.order).toEqual(['goals', 'map', 'categories', 'brief', 'title', 'summary', 'figures', 'development']);
    expect(new Set(deck.order).size).toBe(SLIDES.length);
    expect(deck.hidden).toEqual(['map']);
    expect(deck.notes).toEqual({ map: 'Visa Hamnen' });
  });

  it('keeps at least one slide shown, even from a stored deck that hides all', () => {
    const deck = normaliseDeck({ order: [...SLIDES], hidden: [...SLIDES] });
    expect(shownSlides(deck)).toEqual(['brief']);
    let d = DEFAULT_DECK;
    for (const s of SLIDES) d = setSlideShown(d, s, false);
    expect(shownSlides(d)).toHaveLength(1);
    expect(setSlideShown(d, 'title', true).hidden).not.toContain('title');
  });

  it('moves a slide one place and stops at the ends', () => {
    const later = moveInDeck(DEFAULT_DECK, 'brief', 1);
    expect(later.order.slice(0, 2)).toEqual(['title', 'brief']);
    expect(moveInDeck(DEFAULT_DECK, 'brief', -1)).toBe(DEFAULT_DECK);
    expect(moveInDeck(DEFAULT_DECK, 'goals', 1)).toBe(DEFAULT_DECK);
    expect(moveInDeck(moveInDeck(DEFAULT_DECK, 'map', -1), 'map', 1).order).toEqual(DEFAULT_DECK.order);
  });

  it('keeps notes, cut to their length; an empty note is removed; a carried arrangement leaves the notes behind', () => {
    const noted = setSlideNote(DEFAULT_DECK, 'summary', 'x'.repeat(MAX_NOTE_LENGTH + 10));
    expect(noted.notes.summary).toHaveLength(MAX_NOTE_LENGTH);
    expect(setSlideNote(noted, 'summary', '   ').notes).toEqual({});
    expect(arrangementOf(noted)).toEqual({ order: noted.order, hidden: noted.hidden, notes: {} });
  });

  it('maps the clicker and keyboard keys, + and − to the map zoom', () => {
    expect(commandForKey('PageDown')).toBe('next');
    expect(commandForKey(' ', true)).toBe('previous');
    expect(commandForKey('+')).toBe('zoom-in');
    expect(commandForKey('-')).toBe('zoom-out');
    expect(moveSlide(0, 'zoom-in', 5)).toBe(0);
    expect(moveSlide(4, 'next', 5)).toBe(4);
  });

  it('leaves a focused control its own keys, and no more', () => {
    expect(controlKeepsKey('TEXTAREA', null, 'ArrowRight')).toBe(true);
    expect(controlKeepsKey('SELECT', null, 'ArrowDown')).toBe(true);
    expect(controlKeepsKey('SELECT', null, 'PageDown')).toBe(false);
    expect(controlKeepsKey('INPUT', 'text', 'Home')).toBe(true);
    expect(controlKeepsKey('INPUT', null, 'Home')).toBe(true);
    expect(controlKeepsKey('INPUT', 'checkbox', ' ')).toBe(true);
    expect(controlKeepsKey('INPUT', 'checkbox', 'PageDown')).toBe(false);
    expect(controlKeepsKey('BUTTON', null, 'Enter')).toBe(true);
    expect(controlKeepsKey('BUTTON', null, 'ArrowRight')).toBe(false);
    expect(controlKeepsKey('DIV', null, ' ')).toBe(false);
  });
});

describe('slide decks in the database', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  let database: Parameters<typeof writeSlideDeck>[0] & Parameters<typeof readSlideDeck>[0];
  beforeAll(async () => {
    runner = await createSchemaRunner();
    const coordinator = new Coordinator(nodeConnector(runner), { cache: false, logger: null });
    database = { runner, coordinator, persist: async () => {} } as typeof database;
  });
  afterAll(() => runner.close());

  it('saves a deck with its period, carries the latest to a period without one, and keeps notes as text', async () => {
    expect(await readSlideDeck(database, '2026-v45-46')).toEqual({ json: null, own: false });
    const note = `'); DROP TABLE incidents; --`;
    const deck = setSlideNote(moveInDeck(DEFAULT_DECK, 'map', -1), 'map', note);
    await writeSlideDeck(database, '2026-v45-46', JSON.stringify(deck), new Date('2026-11-20T10:00:00Z'));
    await writeSlideDeck(database, '2026-v43-44', JSON.stringify(DEFAULT_DECK), new Date('2026-11-01T10:00:00Z'));
    const own = await readSlideDeck(database, '2026-v45-46');
    expect(own.own).toBe(true);
    expect(normaliseDeck(JSON.parse(own.json!))).toEqual(deck);
    // A period with no deck gets the one saved last (v. 45–46's, saved after v. 43–44's), marked as not its own.
    const carried = await readSlideDeck(database, '2026-v47-48');
    expect(carried.own).toBe(false);
    expect(normaliseDeck(JSON.parse(carried.json!)).order).toEqual(deck.order);
    expect((await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0].n).toBe(0);
  });
});

describe('the map slide zoom', () => {
  const base: MapFrame = { minE: 0, maxE: 10_000, minN: 0, maxN: 5_000 };

  it('shows a part of the frame with the same aspect ratio, kept inside it', () => {
    const z = zoomFrame(base, { factor: 4, e: 9_900, n: 100 });
    expect(z.maxE - z.minE).toBeCloseTo(2_500);
    expect(z.maxN - z.minN).toBeCloseTo(1_250);
    expect(z.maxE).toBeCloseTo(10_000);
    expect(z.minN).toBeCloseTo(0);
    expect(zoomFrame(base, null)).toBe(base);
    expect(zoomFrame(base, { factor: 1 })).toBe(base);
    const centred = zoomFrame(base, { factor: 2 });
    expect([centred.minE, centred.maxE, centred.minN, centred.maxN]).toEqual([2_500, 7_500, 1_250, 3_750]);
  });

  it('zooms to a district: its extent inside the frame, with a margin', () => {
    const district: [number, number][] = [[2_000, 1_000], [4_000, 1_000], [4_000, 2_000], [2_000, 2_000], [2_000, 1_000]];
    const z = zoomToRings(base, [district])!;
    expect(z.factor).toBeCloseTo(Math.min(10_000 / 2_200, 5_000 / 1_100));
    // A tiny district is shown no closer than the closest zoom.
    expect(zoomToRings(base, [[[2_000, 1_000], [2_010, 1_010], [2_000, 1_010], [2_000, 1_000]]])!.factor).toBe(MAX_ZOOM);
    const frame = zoomFrame(base, z);
    expect(frame.minE).toBeLessThanOrEqual(2_000);
    expect(frame.maxE).toBeGreaterThanOrEqual(4_000);
    expect(frame.minN).toBeLessThanOrEqual(1_000);
    expect(frame.maxN).toBeGreaterThanOrEqual(2_000);
    // A district reaching far beyond the data is framed where the data is.
    const huge: [number, number][] = [[-50_000, 4_000], [50_000, 4_000], [50_000, 90_000], [-50_000, 4_000]];
    const top = zoomToRings(base, [huge])!;
    expect(top.n).toBeCloseTo(4_500);
    expect(zoomToRings(base, [[[20_000, 20_000], [21_000, 21_000]]])).toBeNull();
  });

  it('steps in and back out to the whole map', () => {
    const inOnce = stepZoom(null, 1)!;
    expect(inOnce.factor).toBeCloseTo(1.5);
    expect(stepZoom(inOnce, -1)).toBeNull();
    let z = null as ReturnType<typeof stepZoom>;
    for (let i = 0; i < 20; i++) z = stepZoom(z, 1);
    expect(z!.factor).toBe(MAX_ZOOM);
  });
});

describe('the presenter clock', () => {
  it('reads minutes and seconds, and hours when the talk runs that long', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

describe('fitting I korthet onto one page or screen', () => {
  it('shrinks only what is too tall, never below the readable minimum', () => {
    expect(fitZoom(900, 1000)).toBe(1);
    expect(fitZoom(2000, 1000)).toBe(0.6);
    expect(fitZoom(1250, 1000)).toBe(0.8);
    expect(fitZoom(1250, 1000) * 1250).toBeLessThanOrEqual(1000);
    expect(fitZoom(0, 1000)).toBe(1);
    // A4 portrait, 12 mm margins: 273 mm at 96 px per inch, less 4 %.
    expect(A4_PORTRAIT_PRINTABLE_PX).toBeCloseTo((273 / 25.4) * 96 * 0.96, 5);
  });

  it('cuts a long assessment at a word and says so; a short one is whole', () => {
    expect(briefAssessment('Kort bedömning.')).toEqual({ text: 'Kort bedömning.', cut: false });
    const long = 'ord '.repeat(400).trim();
    const cut = briefAssessment(long, 100);
    expect(cut.cut).toBe(true);
    expect(cut.text.endsWith(' …')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(102);
    expect(long.startsWith(cut.text.slice(0, -2))).toBe(true);
    expect(cut.text.slice(0, -2).endsWith('ord')).toBe(true);
    expect(briefAssessment('x'.repeat(150), 100)).toEqual({ text: `${'x'.repeat(100)} …`, cut: true });
  });
});
