import { expect } from 'chai';
import { memoizeParser } from '../../../odata/parse/memoize';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';

describe('memoizeParser (the parse stage\'s LRU)', () => {
  it('parses a string once and returns the same result for it again', () => {
    let calls = 0;
    const parse = memoizeParser((input: string) => ({ input, n: ++calls }), 10);
    const first = parse('$top=1');
    expect(parse('$top=1')).to.equal(first);
    expect(calls).to.equal(1);
    expect(parse('$top=2').n).to.equal(2);
  });

  it('forgets the least recently used string when full', () => {
    let calls = 0;
    const parse = memoizeParser((input: string) => ({ input, n: ++calls }), 2);
    parse('a');
    parse('b');
    parse('a'); // a is now the most recent
    parse('c'); // evicts b
    expect(parse('a').n).to.equal(1);
    expect(parse('b').n).to.equal(4);
  });

  it('does not remember failures nor very long inputs', () => {
    const parse = memoizeParser(parseQueryOptions, 10, 20);
    expect(() => parse('$top=x')).to.throw();
    expect(() => parse('$top=x')).to.throw();
    const long = `$filter=${'Id eq 1 or '.repeat(5)}Id eq 2`;
    expect(parse(long)).to.not.equal(parse(long));
    expect(parse(long)).to.deep.equal(parse(long));
  });
});
