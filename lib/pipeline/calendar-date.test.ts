import { describe, expect, it } from 'vitest';
import { calendarDateProblem, isCalendarDate } from './calendar-date';
import { parseMeta } from './meta';
import { sampleMeta } from '../../tests/fixtures/meta';

describe('row 22.7b: publication dates are days of the calendar', () => {
  it('row 22.7b: accepts real days, leap days in leap years only', () => {
    for (const d of ['2026-05-20', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-04-30'])
      expect(isCalendarDate(d), d).toBe(true);
  });

  it('row 22.7b: refuses what Date.parse lets through or rolls over (2026-02-31 is not March 3)', () => {
    for (const d of [
      '2026-02-31',
      '0000-00-00',
      '1900-02-29',
      '2026-00-10',
      '2026-13-01',
      '2026-06-31',
      '2026-01-00',
      '2026-1-2',
      '20260520',
      ' 2026-05-20',
    ]) {
      expect(isCalendarDate(d), d).toBe(false);
      expect(calendarDateProblem(d)).toBeTypeOf('string');
    }
    expect(calendarDateProblem('2026-02-31')).toBe('2026-02-31 is not a day of the calendar (no such month or day)');
  });

  it('a source dated by month keeps that precision (YYYY-MM), a month that exists', () => {
    expect(calendarDateProblem('2024-12')).toBeNull();
    for (const d of ['2024-13', '2024-00', '0000-01', '2024-1']) expect(calendarDateProblem(d), d).toBeTypeOf('string');
  });

  it('row 22.7b: meta.json with an impossible date is refused by the ingest too', () => {
    expect(() => parseMeta({ ...sampleMeta('doc'), date: '2026-02-31' }, 'doc', 'corpus/doc/meta.json')).toThrow(
      /not a day of the calendar/,
    );
  });
});
