/**
 * Spec for the benchmark's scenario list (bench/scenarios.ts), pure: projects-owner rotates over the
 * owners' emails on both servers in step (the agreement probe compares the same owner), projects-people
 * asks both for 50 projects with their people, and either shows as 'missing' with its reason when the
 * dataset (no projects, no mappings) or the server (no Projects/People) cannot run it.
 */
import { expect } from 'chai';
import type { Fixtures } from '../../bench/fixtures';
import type { BenchRequest } from '../../bench/measure';
import { buildScenarios, projectsPeopleMissing, type LoadScenario, type ScenarioContext } from '../../bench/scenarios';

const fixtures: Fixtures = {
  companyId: 3, adminId: 10, managerId: 11, managerTeamId: 20, managerVisibleUsers: 100, pointIds: [10, 12],
  membershipPairs: [[12, 21], [13, 21]], moveTeam: null, ownerEmails: ["o'neil@bench1.example", 'ann@bench1.example'],
  projectPeople: 60, depth2Team: 42, maxMembershipId: 500, sizes: {},
};
const page: BenchRequest = { method: 'GET', path: '/x', headers: {} };

function context(overrides: Partial<Fixtures> = {}): ScenarioContext {
  return { fixtures: { ...fixtures, ...overrides }, adminToken: 'A', managerToken: 'M', page50: { ours: page, baseline: page } };
}

const named = (ctx: ScenarioContext, name: string) => buildScenarios(ctx).find((s) => s.name === name);

describe('bench/scenarios: projects', () => {
  it('projects-owner filters on ProjectOwner/Email (quotes doubled) and asks the baseline for the same owner, in rotation', () => {
    const scenario = named(context(), 'projects-owner') as LoadScenario;
    expect(scenario.kind).to.equal('load');
    const ours = [scenario.ours(), scenario.ours(), scenario.ours()].map((r) => decodeURIComponent(r.path));
    const baseline = [scenario.baseline(), scenario.baseline(), scenario.baseline()].map((r) => r.path);
    expect(ours).to.deep.equal([
      "/odata/Projects?$filter=ProjectOwner/Email eq 'o''neil@bench1.example'",
      "/odata/Projects?$filter=ProjectOwner/Email eq 'ann@bench1.example'",
      "/odata/Projects?$filter=ProjectOwner/Email eq 'o''neil@bench1.example'",
    ]);
    expect(baseline).to.deep.equal(["/projects?ownerEmail=o'neil%40bench1.example", '/projects?ownerEmail=ann%40bench1.example', "/projects?ownerEmail=o'neil%40bench1.example"]);
    expect(scenario.ours().headers).to.deep.equal({ authorization: 'Bearer A' });
    expect(scenario.baseline().headers).to.deep.equal({ 'x-bench-company': '3' });
  });

  it('projects-people expands People($select=Id,DisplayName,Email) on 50 projects as admin', () => {
    const scenario = named(context(), 'projects-people') as LoadScenario;
    expect(decodeURIComponent(scenario.ours().path)).to.equal('/odata/Projects?$expand=People($select=Id,DisplayName,Email)&$top=50');
    expect(scenario.baseline().path).to.equal('/projects?limit=50&people=1');
  });

  it('apply-department and apply-team-members group on the server, against GROUP BY endpoints of the baseline', () => {
    const department = named(context(), 'apply-department') as LoadScenario;
    expect(decodeURIComponent(department.ours().path)).to.equal('/odata/Users?$apply=groupby((Department),aggregate($count as N))');
    expect(department.baseline().path).to.equal('/users/per-department');
    const members = named(context(), 'apply-team-members') as LoadScenario;
    expect(decodeURIComponent(members.ours().path)).to.equal('/odata/OrganizationTeamMemberHierarchies?$apply=groupby((OrganizationTeamHierarchy/Name),aggregate($count as N))');
    expect(members.baseline().path).to.equal('/teams/member-counts');
    expect([department.write, members.write]).to.deep.equal([false, false]);
  });

  it('descendants calls Descendants() on the depth-2 team, against the closure SQL of the baseline; missing without such a team', () => {
    const scenario = named(context(), 'descendants') as LoadScenario;
    expect(scenario.ours().path).to.equal('/odata/OrganizationTeamHierarchies(42)/Default.Descendants()');
    expect(scenario.baseline().path).to.equal('/teams/42/descendants');
    expect(named(context({ depth2Team: null }), 'descendants')?.kind).to.equal('missing');
  });

  it('shows either as missing, with the reason, when the dataset or the server cannot run it', () => {
    expect(named(context({ ownerEmails: [] }), 'projects-owner')).to.deep.equal({ kind: 'missing', name: 'projects-owner', what: 'n/a (no projects in the dataset)' });
    expect(named(context({ projectPeople: 0 }), 'projects-people')?.kind).to.equal('missing');
    expect(projectsPeopleMissing({ projectPeople: 0 })).to.match(/no project-people mappings/);
    expect(projectsPeopleMissing({ projectPeople: 60 }, false)).to.equal('n/a (Projects/People is not in the server yet)');
    expect(projectsPeopleMissing({ projectPeople: 60 }, true)).to.equal(null);
  });
});
