import { describe, expect, it } from 'vitest';
import { lengthCost } from './gale-church';
import { lengthCostFloor } from './length-floor';

describe('lengthCostFloor', () => {
  it('is never above the length cost, over the whole range of the normal tail and its clamp', () => {
    // δ from 0 to 40 in small steps (the clamp at 1e-12 starts near 7.4), through the lengths
    // that give it: le = lz·ratio + δ·√(mean·variance) solved for le at a fixed lz.
    const ratio = 3.3;
    const variance = 25;
    let worst = Infinity;
    for (let k = 0; k <= 400_000; k++) {
      const lz = 40;
      const target = k / 10_000;
      // mean depends on le; two fixed-point steps bring δ close enough to the target.
      let le = lz * ratio;
      for (let step = 0; step < 3; step++) le = lz * ratio + target * Math.sqrt(((lz + le / ratio) / 2) * variance);
      worst = Math.min(worst, lengthCost(lz, le, ratio, variance) - lengthCostFloor(lz, le, ratio, variance));
    }
    expect(worst).toBeGreaterThanOrEqual(0);
  });

  it('is never above the length cost for random lengths, ratios and variances (either side longer)', () => {
    let seed = 17;
    let worst = Infinity;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200_000; k++) {
      const lz = random() * 400;
      const le = random() * 1500;
      const ratio = 1 + random() * 4;
      const variance = 5 + random() * 60;
      worst = Math.min(worst, lengthCost(lz, le, ratio, variance) - lengthCostFloor(lz, le, ratio, variance));
    }
    expect(worst).toBeGreaterThanOrEqual(0);
  });

  it('is close to the cost far from the diagonal, so that it drops what the cost would', () => {
    // 30 Han characters against 400 English ones at 3.3: δ about 6, cost about 20.
    const cost = lengthCost(30, 400, 3.3, 25);
    expect(cost).toBeGreaterThan(15);
    expect(lengthCostFloor(30, 400, 3.3, 25)).toBeGreaterThan(cost * 0.8);
  });
});
