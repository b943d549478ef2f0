// The lägesbild's hot-spot map opens on the incidents, not on every loaded boundary, and its area names never
// overlap each other or sit on a hot-spot cell.
import { describe, expect, it } from 'vitest';
import { mapFrame, outlineKinds, placeLabels, ringMeetsFrame } from '../../src/features/lagesbild/report-map.model';

describe('the hot-spot map frame', () => {
  const malmo = { minE: 370_000, maxE: 380_000, minN: 6_160_000, maxN: 6_168_000 };
  const sweden: [number, number][][] = [[[250_000, 6_130_000], [920_000, 6_130_000], [920_000, 7_680_000], [250_000, 7_680_000], [250_000, 6_130_000]]];

  it('fits the incidents and the hot spots; a national boundary file does not widen it', () => {
    const frame = mapFrame([{ ix: 1500, iy: 24_660 }], 250, malmo, sweden)!;
    expect(frame.minE).toBeGreaterThanOrEqual(malmo.minE - 1000);
    expect(frame.maxE).toBeLessThanOrEqual(malmo.maxE + 1000);
    expect(frame.minN).toBeGreaterThanOrEqual(malmo.minN - 1000);
    expect(frame.maxN).toBeLessThanOrEqual(malmo.maxN + 1000);
    // Every hot-spot cell is inside.
    expect(frame.minE).toBeLessThanOrEqual(1500 * 250);
    expect(frame.maxN).toBeGreaterThanOrEqual(24_661 * 250);
  });

  it('falls back to the outlines only when there are no incidents', () => {
    const frame = mapFrame([], 250, null, sweden)!;
    expect(frame.maxN - frame.minN).toBeGreaterThan(1_000_000);
    expect(mapFrame([], 250, null, [])).toBeNull();
  });

  it('leaves out rings wholly outside the frame', () => {
    const frame = mapFrame([], 250, malmo)!;
    expect(ringMeetsFrame(frame, sweden[0])).toBe(true);
    expect(ringMeetsFrame(frame, [[700_000, 7_000_000], [710_000, 7_000_000], [710_000, 7_010_000], [700_000, 7_000_000]])).toBe(false);
  });
});

describe('area labels', () => {
  const view = { width: 1000, height: 600 };
  it('290 names in a small view: no two placed labels overlap, none covers a cell, all inside', () => {
    const candidates = Array.from({ length: 290 }, (_, i) => ({ name: `Kommun ${i}`, x: 100 + ((i * 37) % 800), y: 50 + ((i * 53) % 500), weight: i }));
    const cell = { x: 480, y: 280, width: 40, height: 40 };
    const fontSize = 16;
    const placed = placeLabels(candidates, [cell], view, fontSize);
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.length).toBeLessThan(290);
    const boxes = placed.map((p) => ({ x: p.x - (p.name.length * fontSize * 0.6) / 2, y: p.y - fontSize, w: p.name.length * fontSize * 0.6, h: fontSize * 1.3 }));
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= view.width && a.y + a.h <= view.height).toBe(true);
      expect(a.x < cell.x + cell.width && cell.x < a.x + a.w && a.y < cell.y + cell.height && cell.y < a.y + a.h).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${placed[i].name} / ${placed[j].name}`).toBe(false);
      }
    }
    // The largest area is named first.
    expect(placed[0].name).toBe('Kommun 289');
  });
});

describe('which area kinds the lägesbild map outlines', () => {
  const box = (name: string, kind: string, w: number, s: number, e: number, n: number) => ({ name, kind, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
  const stadsdelar = [box('Norr', 'stadsdel', 16.0, 59.05, 16.05, 59.1), box('Söder', 'stadsdel', 16.0, 59.0, 16.05, 59.05), box('Öster', 'stadsdel', 16.05, 59.0, 16.1, 59.1)];
  it('keeps the finest kind and the kinds beside it, drops the kinds that hold it', () => {
    const beside = box('Ytterby', 'ytterområde', 16.1, 58.9, 16.4, 59.2); // next to the stadsdelar, holds none
    const kommun = box('Kommunen', 'kommun', 15.5, 58.5, 16.6, 59.6);
    const lan = box('Kommunen', 'län', 15.0, 58.0, 17.0, 60.0); // same name, another kind
    const kept = outlineKinds([...stadsdelar, beside, kommun, lan]).map((a) => `${a.kind}:${a.name}`);
    expect(kept).toEqual(['stadsdel:Norr', 'stadsdel:Söder', 'stadsdel:Öster', 'ytterområde:Ytterby']);
  });
  it('keeps everything when there is one kind, and a coarse kind when it is the only one', () => {
    expect(outlineKinds(stadsdelar)).toHaveLength(3);
    const kommuner = [box('A', 'kommun', 15, 58, 16, 59), box('B', 'kommun', 16, 58, 17, 59), box('C', 'kommun', 15, 59, 17, 60)];
    expect(outlineKinds([...kommuner, box('Länet', 'län', 14, 57, 18, 61)]).map((a) => a.name)).toEqual(['A', 'B', 'C']);
  });
});
