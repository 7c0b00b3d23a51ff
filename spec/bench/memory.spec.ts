/**
 * `npm run bench:memory`'s reading of a process's memory from /proc (Linux; skipped elsewhere).
 */
import { existsSync } from 'node:fs';
import { expect } from 'chai';
import { memoryOf } from '../../bench/memory';

describe('bench:memory (memoryOf)', () => {
  it('reads this process\'s resident and peak resident memory in MB, the peak never below the current', function () {
    if (!existsSync(`/proc/${process.pid}/status`)) this.skip();
    const { rssMb, peakMb } = memoryOf(process.pid);
    const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
    expect(rssMb).to.be.greaterThan(heapMb);
    expect(peakMb).to.be.at.least(rssMb);
  });
});
