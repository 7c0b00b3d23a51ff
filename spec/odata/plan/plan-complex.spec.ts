/**
 * Planner specs for complex properties: what plan-expr.ts and plan-collection.ts make of paths into
 * ProjectOwner and Assets (typed JsonValue / JsonLambda / JsonCount nodes, member $select), and the 400s
 * that name the mistake. Pure: no database.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import { entitySet } from '../../../odata/model';
import { ProjectAssets, ProjectOwner, Projects, Repository } from '../../../odata/model/entity-sets';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { parseResourcePath } from '../../../odata/parse/parse-resource-path';
import { thrownODataError } from '../../helpers/odata-error';
import { planRead } from '../../../odata/plan/plan-read';
import type { ReadPlan } from '../../../odata/plan/read-plan';
import { readCost } from '../../../odata/plan/cost';
import { DEFAULT_LIMITS } from '../../../server/config';

function plan(query: string): ReadPlan {
  const { options } = parseQueryOptions(query);
  return planRead({ segments: [{ name: 'Projects' }], options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
}

function failure(query: string): ODataError {
  try {
    plan(query);
  } catch (err) {
    return err as ODataError;
  }
  throw new Error(`expected ${query} to fail`);
}

const member = (type: typeof ProjectOwner, name: string) => type.members.find((m) => m.name === name);
const owner = Projects.properties.find((p) => p.name === 'ProjectOwner');
const assets = Projects.properties.find((p) => p.name === 'Assets');

describe('planning paths into complex properties', () => {
  it("ProjectOwner/Email → JsonValue(ProjectOwner of $it, [Email]) : Edm.String, nullable", () => {
    const filter = plan("$filter=ProjectOwner/Email eq 'a@b.c'").filter;
    expect(filter).to.deep.include({ kind: 'Compare', op: 'eq' });
    expect(filter?.kind === 'Compare' && filter.left).to.deep.equal({
      kind: 'JsonValue',
      base: { kind: 'property', variable: '$it', navPath: [], set: Projects, property: owner },
      members: [member(ProjectOwner, 'Email')],
      type: 'Edm.String',
      nullable: true,
    });
  });

  it('a lambda over Assets/Repositories ranges over its elements; r/Platform is a member of one', () => {
    const filter = plan("$filter=Assets/Repositories/any(r: r/Platform eq 'github.com')").filter;
    if (filter?.kind !== 'JsonLambda') throw new Error(`got ${filter?.kind}`);
    expect(filter.collection.members).to.deep.equal([member(ProjectAssets, 'Repositories')]);
    expect(filter.collection.base).to.deep.include({ kind: 'property', property: assets });
    expect(filter.variable).to.equal('r');
    expect(filter.predicate?.kind === 'Compare' && filter.predicate.left).to.deep.equal({
      kind: 'JsonValue', base: { kind: 'element', variable: 'r' }, members: [member(Repository, 'Platform')], type: 'Edm.String', nullable: true,
    });
  });

  it('Assets/Services/$count → JsonCount : Edm.Int64, not nullable', () => {
    const filter = plan('$filter=Assets/Services/$count gt 2').filter;
    expect(filter?.kind === 'Compare' && filter.left).to.deep.include({ kind: 'JsonCount', type: 'Edm.Int64', nullable: false });
  });

  it('$orderby=ProjectOwner/LastName orders by the member, then by Id', () => {
    const { orderBy } = plan('$orderby=ProjectOwner/LastName desc');
    expect(orderBy.map((k) => [k.expr.kind, k.direction])).to.deep.equal([['JsonValue', 'desc'], ['Column', 'asc']]);
  });

  it('$select=ProjectOwner/Email keeps the property and records the member path; the whole property wins', () => {
    const partial = plan('$select=ProjectId,ProjectOwner/Email');
    expect(partial.select.map((p) => p.name)).to.deep.equal(['ProjectId', 'ProjectOwner']);
    expect(partial.selectMembers).to.deep.equal({ ProjectOwner: [['Email']] });
    expect(plan('$select=ProjectOwner/Email,ProjectOwner').selectMembers).to.equal(undefined);
  });

  it('a URL path into a complex property: Projects(1)/ProjectOwner/Email[/$value], Projects(1)/Assets/Repositories', () => {
    const path = (...names: string[]) =>
      planRead({ segments: parseResourcePath(['Projects(1)', ...names].join('/')).segments, options: {}, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet).target;
    expect(path('ProjectOwner', 'Email')).to.deep.include({ kind: 'property', property: owner, members: [member(ProjectOwner, 'Email')], raw: false });
    expect(path('ProjectOwner', 'Email', '$value')).to.deep.include({ members: [member(ProjectOwner, 'Email')], raw: true });
    expect(path('Assets', 'Repositories')).to.deep.include({ property: assets, members: [member(ProjectAssets, 'Repositories')], raw: false });
    expect(path('ProjectOwner')).to.deep.include({ property: owner, raw: false }).and.not.to.have.property('members');
    const fails = (...names: string[]) => thrownODataError(() => path(...names));
    expect(fails('ProjectOwner', 'Phone')).to.deep.include({ status: 400, code: 'UnknownProperty', target: 'Phone' });
    expect(fails('ProjectOwner', '$value')).to.deep.include({ status: 400, code: 'UnsupportedQueryOption' });
    expect(fails('Assets', 'Repositories', 'Url')).to.deep.include({ status: 400, code: 'UnsupportedQueryOption' });
  });

  it('counts matchesPattern inside a complex lambda in the cost of the read', () => {
    expect(readCost(plan("$filter=Assets/Services/any(s: matchesPattern(s/Name,'^a'))")).regexes).to.equal(1);
  });

  it('answers 400 naming the mistake', () => {
    expect(failure("$filter=ProjectOwner/Phone eq 'x'")).to.deep.include({ status: 400, code: 'UnknownProperty' });
    expect(failure("$filter=ProjectOwner/email eq 'x'").message).to.include("did you mean 'Email'?");
    expect(failure("$filter=ProjectOwner eq 'x'").code).to.equal('TypeMismatch');
    expect(failure("$filter=Assets/Repositories eq null").message).to.include('is a collection');
    expect(failure("$filter=Assets/Repositories/Url eq 'x'").message).to.include('Repositories/any(x: x/Url');
    expect(failure("$filter=ProjectOwner/any(o: o/Email eq 'x')").message).to.include('is not a collection');
    expect(failure("$filter=Assets/Repositories/any(r: r eq 'x')").code).to.equal('TypeMismatch');
    expect(failure("$filter=Assets/Services/any(s: s/Dependencies/any(s: s eq 'x'))").message).to.include("'s' is already in use");
    expect(failure('$orderby=ProjectOwner').code).to.equal('TypeMismatch');
    expect(failure('$select=ProjectOwner/Nope').code).to.equal('UnknownProperty');
  });
});
