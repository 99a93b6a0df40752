import { describe, expect, it } from 'vitest';
import { difficulty } from './difficulty';

const levels = new Map([
  ['我', 1],
  ['是', 1],
  ['学生', 1],
  ['合作', 5],
  ['战略', 6],
]);
const levelOf = (w: string) => levels.get(w);

describe('difficulty', () => {
  it('counts running Han words by level and lists the ones outside every level', () => {
    const d = difficulty(['我', '是', '学生', '。', '合作', '普京', '普京', '睦邻', 'APEC'], levelOf);
    expect(d.tokens).toBe(7);
    expect(d.byLevel).toEqual([3, 0, 0, 0, 1, 0]);
    expect(d.outside).toBe(3);
    expect(d.outsideWords).toEqual([
      { word: '普京', count: 2 },
      { word: '睦邻', count: 1 },
    ]);
  });

  it('estimates the lowest level covering 90% of the running words, or none', () => {
    expect(difficulty([...Array(9).fill('我'), '合作'], levelOf).estimated).toBe(1);
    expect(difficulty([...Array(8).fill('我'), '合作', '战略'], levelOf).estimated).toBe(5);
    expect(difficulty([...Array(8).fill('我'), '战略', '战略'], levelOf).estimated).toBe(6);
    expect(difficulty(['我', '普京'], levelOf).estimated).toBeNull();
    expect(difficulty([], levelOf)).toMatchObject({ tokens: 0, estimated: null });
  });
});
