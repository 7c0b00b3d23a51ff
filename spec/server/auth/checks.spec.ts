/**
 * Checks (server/auth/write-rules/checks.ts), pure parts: the answers row, the condition a write waits
 * for, the judging order; and the statement a checked create becomes (audit.ts auditedCreate), exact.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import { callerCheck, StaleCaller } from '../../../server/auth/caller-check';
import { checksHold, checksRow, judge, must, mustNot, withoutAnswers } from '../../../server/auth/write-rules/checks';
import { statementName } from '../../../server/db/prepared';
import { sql } from '../../../server/db/sql-fragment';

const refuse = (code: 'Forbidden' | 'Conflict', message: string) => () => new ODataError(code, message);
const may = must(sql('EXISTS (SELECT 1 FROM m WHERE id = ?)', [7]), refuse('Forbidden', 'not a member'));
const cycle = mustNot(sql('EXISTS (SELECT 1 FROM c WHERE a = ? AND d = ?)', [1, 2]), refuse('Conflict', 'a cycle'));

describe('server/auth/write-rules/checks', () => {
  it('answers the checks in one row, bindings in order', () => {
    expect(checksRow([may, cycle])).to.deep.equal({
      sql: 'SELECT EXISTS (SELECT 1 FROM m WHERE id = ?) AS check_0, EXISTS (SELECT 1 FROM c WHERE a = ? AND d = ?) AS check_1',
      bindings: [7, 1, 2],
    });
  });

  it('makes the condition a write waits for: each check with the answer it needs', () => {
    expect(checksHold([may, cycle])).to.equal('ok.check_0 AND NOT ok.check_1');
    expect(checksHold([])).to.equal('TRUE');
  });

  it('judges in order: the first check without its answer refuses, NULL counts as no', () => {
    expect(() => judge([may, cycle], { check_0: true, check_1: false })).not.to.throw();
    expect(() => judge([may, cycle], { check_0: false, check_1: true })).to.throw(ODataError, 'not a member');
    expect(() => judge([may, cycle], { check_0: true, check_1: true })).to.throw(ODataError, 'a cycle');
    expect(() => judge([may], { check_0: null })).to.throw(ODataError, 'not a member');
  });

  it('takes the answers out of a returned row', () => {
    expect(withoutAnswers({ check_0: true, check_1: false, id: 7 }, [may, cycle])).to.deep.equal({ id: 7 });
  });

  it('checks the caller as cached: active, the same administrator flag, and the token used still valid', () => {
    const alice = { userId: '5', companyId: 1, userName: 'alice', isAdministrator: false, scopes: new Set<string>() };
    expect(callerCheck(alice).sql).to.deep.equal({
      sql: 'EXISTS (SELECT 1 FROM users AS cu WHERE cu.company_id = ?::integer AND cu.id = ?::bigint AND cu.is_active AND cu.is_administrator = ?::boolean)',
      bindings: [1, '5', false],
    });
    const byToken = callerCheck({ ...alice, tokenId: '9' }).sql;
    expect(byToken.sql).to.match(/AND EXISTS \(SELECT 1 FROM access_tokens AS ct WHERE .* ct\.revoked_at IS NULL AND ct\.expires_at > now\(\)\)\)$/);
    expect(byToken.bindings).to.deep.equal([1, '5', false, '9']);
    expect(callerCheck(alice).refusal()).to.be.instanceOf(StaleCaller);
  });
});

describe('server/db/prepared statementName', () => {
  it('names a text by its hash: the same text, the same name', () => {
    const name = statementName('SELECT 1 AS spec_prepared');
    expect(name).to.match(/^oc_[0-9a-f]{20}$/);
    expect(statementName('SELECT 1 AS spec_prepared')).to.equal(name);
    expect(statementName('SELECT 2 AS spec_prepared')).not.to.equal(name);
  });
});
