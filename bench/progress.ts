/**
 * Progress of the dataset load on stderr: a cli-progress bar on a terminal; one line per phase when
 * stderr is not a TTY or CI=true (logs stay readable). Never writes to stdout (the report goes there).
 */
import cliProgress from 'cli-progress';
import type { GenerateProgress } from './generate';

export interface LoadProgress {
  update(progress: GenerateProgress): void;
  stop(): void;
}

/** `const bar = loadProgress(); generateDataset(db, { …, onProgress: bar.update }); bar.stop()`. */
export function loadProgress(env: NodeJS.ProcessEnv = process.env): LoadProgress {
  const interactive = Boolean(process.stderr.isTTY) && !['1', 'true'].includes((env.CI ?? '').toLowerCase());
  let phase = '';
  if (!interactive) {
    return {
      update: (p) => {
        if (p.phase === phase) return;
        phase = p.phase;
        process.stderr.write(`  loading: ${p.phase}${p.total ? ` (${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} rows)` : ''}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '  loading {phase} [{bar}] {percentage}% {value}/{total} rows, {duration}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      if (p.total === 0) return;
      if (!started) {
        bar.start(p.total, 0, { phase: p.phase });
        started = true;
      }
      bar.update(p.done, { phase: p.phase });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
