import { expect } from 'chai';
import { mapDbError } from '../../../server/db/map-db-error';

describe('mapDbError', () => {
  it('maps a statement timeout (57014) to 503 StatementTimeout', () => {
    const err = mapDbError({ code: '57014', message: 'canceling statement due to statement timeout' });
    expect(err?.status).to.equal(503);
    expect(err?.code).to.equal('StatementTimeout');
  });

  it('maps data exceptions to 400 with a fixed message that never echoes the database text', () => {
    const err = mapDbError({ code: '22P02', message: 'select "t0"."id" from "users" - invalid input syntax for type uuid: "secret@x"' });
    expect(err?.status).to.equal(400);
    expect(err?.code).to.equal('InvalidValue');
    expect(err?.message).not.to.contain('secret');
    expect(err?.message).not.to.contain('select');
    expect(mapDbError({ code: '22012' })?.message).to.contain('division by zero');
    expect(mapDbError({ code: '22999' })?.status).to.equal(400);
  });

  it('leaves other errors alone (a real fault becomes a 500)', () => {
    expect(mapDbError(new Error('boom'))).to.equal(undefined);
    expect(mapDbError({ code: '42P01' })).to.equal(undefined);
  });
});
