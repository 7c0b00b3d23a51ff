import { expect } from 'chai';
import { buildDemoPlan, emailPart } from '../../seeds/demo-plan';
import { mulberry32 } from '../../seeds/prng';

describe('seeds/demo-plan', () => {
  it('builds the same plan every time', () => {
    expect(JSON.stringify(buildDemoPlan())).to.equal(JSON.stringify(buildDemoPlan()));
  });

  it('lists every parent team before its children, with names unique per company', () => {
    for (const company of buildDemoPlan()) {
      const seen = new Set<string>();
      for (const team of company.teams) {
        if (team.parentName !== null) expect(seen.has(team.parentName), `${team.name} after ${team.parentName}`).to.equal(true);
        expect(seen.has(team.name), `duplicate team ${team.name}`).to.equal(false);
        seen.add(team.name);
      }
    }
  });

  it('gives every user a unique lower-case user name and email', () => {
    for (const company of buildDemoPlan()) {
      const names = company.users.map((u) => u.row.user_name);
      expect(new Set(names).size).to.equal(names.length);
      for (const u of company.users) {
        expect(u.row.email).to.match(/^[a-z0-9.-]+@[a-z]+\.example$/);
        expect(u.row.email).to.equal(`${u.row.user_name}@${company.name.toLowerCase()}.example`);
      }
    }
  });

  it('folds accents, apostrophes and spaces out of email parts', () => {
    expect(emailPart('Zoë')).to.equal('zoe');
    expect(emailPart("O'Neil")).to.equal('oneil');
    expect(emailPart('van der Berg')).to.equal('vanderberg');
    expect(emailPart('Łukasz')).to.equal('lukasz');
    expect(emailPart('Søren')).to.equal('soren');
    expect(emailPart('Weiß')).to.equal('weiss');
    expect(emailPart('Nguyễn')).to.equal('nguyen');
    expect(emailPart('Min-jun')).to.equal('min-jun');
  });

  it('draws the same sequence from the same seed (mulberry32)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, () => a.next())).to.deep.equal(Array.from({ length: 5 }, () => b.next()));
    expect(mulberry32(1).next()).to.equal(0.6270739405881613);
  });
});
