import { expect } from 'chai';
import { isoFromTimestamptz } from '../../../server/db/pg-types';

describe('isoFromTimestamptz (PostgreSQL timestamptz text → the ISO 8601 text OData sends)', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['2024-01-31 10:00:00+00', '2024-01-31T10:00:00.000Z'],
    ['2024-01-31 10:00:00.5+00', '2024-01-31T10:00:00.500Z'],
    ['2024-01-31 10:00:00.123987+00', '2024-01-31T10:00:00.123Z'],
    ['2024-01-31 11:30:00+01:30', '2024-01-31T10:00:00.000Z'],
  ];
  for (const [text, iso] of cases) {
    it(`${text} → ${iso}, as Date#toISOString would give`, () => {
      expect(isoFromTimestamptz(text)).to.equal(iso);
      expect(new Date(iso).getTime()).to.equal(Math.trunc(Date.parse(text.replace(' ', 'T').replace(/\+00$/, 'Z').replace(/(\.\d{3})\d+/, '$1'))));
    });
  }

  it('leaves what is not a date as its text (infinity)', () => {
    expect(isoFromTimestamptz('infinity')).to.equal('infinity');
  });
});
