/**
 * Tiny builders for expected ASTs in the parser specs: `lit('int', 5, 6)` reads better than the object.
 * Test helper only; pure.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import type { BinaryNode, Expr, LiteralNode, LiteralType, MemberNode } from '../../../odata/parse/ast';

export const lit = (type: LiteralType, value: LiteralNode['value'], pos: number): LiteralNode => ({ kind: 'Literal', type, value, pos });
export const mem = (path: string | readonly string[], pos: number): MemberNode => ({
  kind: 'Member',
  path: typeof path === 'string' ? path.split('/') : path,
  pos,
});
export const bin = (op: BinaryNode['op'], left: Expr, right: Expr, pos: number): BinaryNode => ({ kind: 'Binary', op, left, right, pos });

/** Runs a parse expected to fail and returns its ODataError: `failure(() => parseFilter('Id eq'))`. */
export function failure(run: () => unknown): ODataError {
  try {
    run();
  } catch (err) {
    expect(err).to.be.instanceOf(ODataError);
    return err as ODataError;
  }
  throw new Error('expected a failure');
}
