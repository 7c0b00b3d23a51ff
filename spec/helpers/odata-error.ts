/**
 * The ODataError a spec expects a call to throw (or a promise to reject with): any other error is
 * rethrown, and no error at all fails the spec. `thrownODataError(() => planRead(…)).status` → 400.
 */
import { ODataError } from '../../odata/errors';

export function thrownODataError(fn: () => unknown): ODataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ODataError) return err;
    throw err;
  }
  throw new Error('expected an ODataError');
}

/** `await rejectedODataError(gate.admit('1:7'))` → the 429 it rejected with. */
export async function rejectedODataError(promise: Promise<unknown>): Promise<ODataError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ODataError) return err;
    throw err;
  }
  throw new Error('expected an ODataError');
}
