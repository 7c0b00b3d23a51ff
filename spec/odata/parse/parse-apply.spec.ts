/**
 * The `$apply` grammar (odata.peggy ApplyText): transformations chained with '/', the aggregate forms,
 * grouping paths, nested orderby/top/skip, unsupported transformations parsed to be named by the planner,
 * and syntax errors with their position.
 */
import { expect } from 'chai';
import { parseApply, parseQueryOptions } from '../../../odata/parse/parse-query-options';

describe('parseApply ($apply text → transformations)', () => {
  it('parses groupby with an aggregate of $count', () => {
    expect(parseApply('groupby((Department),aggregate($count as N))')).to.deep.equal([{
      kind: 'groupby', pos: 0, paths: [{ path: ['Department'], pos: 9 }],
      apply: [{ kind: 'aggregate', pos: 21, items: [{ kind: 'count', alias: 'N', pos: 31 }] }],
    }]);
  });

  it('parses aggregate methods, a navigation path to group by, and a chain', () => {
    const [group, filter, order, top, skip] = parseApply('groupby((OrganizationTeamHierarchy/Name, UserId),aggregate(Id with countdistinct as C))/filter(C gt 1)/orderby(C desc)/top(5)/skip(2)');
    expect(group).to.deep.include({ kind: 'groupby', paths: [{ path: ['OrganizationTeamHierarchy', 'Name'], pos: 9 }, { path: ['UserId'], pos: 41 }] });
    expect(group?.kind === 'groupby' && group.apply[0]).to.deep.include({ kind: 'aggregate' });
    expect(filter).to.deep.include({ kind: 'filter' });
    expect(order).to.deep.include({ kind: 'orderby', items: [{ expr: { kind: 'Member', path: ['C'], pos: 111 }, direction: 'desc' }] });
    expect([top, skip]).to.deep.equal([{ kind: 'top', count: 5, pos: 119 }, { kind: 'skip', count: 2, pos: 126 }]);
  });

  it('parses Members/$count, compute, identity and a `from` clause (refused later by name)', () => {
    expect(parseApply('aggregate(Members/$count as M)')[0]).to.deep.equal({
      kind: 'aggregate', pos: 0, items: [{ kind: 'aggregate', expr: { kind: 'Member', path: ['Members', '$count'], pos: 10 }, from: false, alias: 'M', pos: 10 }],
    });
    expect(parseApply('compute(length(LastName) as L)/identity').map((t) => t.kind)).to.deep.equal(['compute', 'identity']);
    expect(parseApply('aggregate(Id with sum from Department as S)')[0]).to.deep.nested.include({ 'items[0].from': true });
  });

  it('parses transformations this service does not implement into an unsupported node with their name', () => {
    expect(parseApply('concat(identity,aggregate($count as N))')).to.deep.equal([{ kind: 'unsupported', name: 'concat', pos: 0 }]);
    expect(parseApply('filter(Id eq 1)/topcount(2,Id)')[1]).to.deep.equal({ kind: 'unsupported', name: 'topcount', pos: 16 });
  });

  it('parses $compute into computed properties, also without $', () => {
    const [length, sum] = parseQueryOptions('$compute=length(LastName)%20as%20L,%20Id%20add%201%20as%20N').options.compute ?? [];
    expect(length).to.deep.include({ alias: 'L', pos: 0 });
    expect(sum).to.deep.include({ alias: 'N', expr: { kind: 'Binary', op: 'add', left: { kind: 'Member', path: ['Id'], pos: 23 }, right: { kind: 'Literal', type: 'int', value: 1, pos: 30 }, pos: 26 } });
    expect(parseQueryOptions('compute=Id%20as%20X').options.compute).to.have.length(1);
    expect(() => parseQueryOptions('$compute=Id')).to.throw('Syntax error in $compute at position 2');
  });

  it('is a system query option, also without $', () => {
    expect(parseQueryOptions('apply=aggregate($count%20as%20N)').options.apply).to.have.length(1);
    expect(parseQueryOptions('$apply=identity').options.apply).to.deep.equal([{ kind: 'identity', pos: 0 }]);
  });

  for (const [text, message] of [
    ['groupby(Department)', "Syntax error in $apply at position 8: expected '('"],
    ['aggregate($count)', 'Syntax error in $apply at position 16'],
    ['filter(Id eq)', 'Syntax error in $apply at position 12: expected an expression'],
    ['top(x)', 'Syntax error in $apply at position 4'],
    ['aggregate($count as N)/', 'Syntax error in $apply at position 23'],
  ] as const) {
    it(`rejects ${text} with the position`, () => {
      expect(() => parseApply(text)).to.throw(message);
    });
  }
});
