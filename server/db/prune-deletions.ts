/**
 * Keeps the delta links' tombstones (deleted_entities, migration 9) to DELTA_RETENTION: the app deletes
 * older ones a minute after it starts and then every hour, on the primary. A delta link older than the
 * retention answers 410 before it could miss a pruned deletion (server/http/delta-handler.ts); an hour
 * of slack covers clocks that differ between the database and the service.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';

/** Slack beyond the retention before a tombstone goes. */
const SLACK_SECONDS = 3600;

/** `await pruneDeletions(db, 604800)` → 12 (tombstones older than 7 days and an hour, deleted). */
export async function pruneDeletions(db: Knex, retentionSeconds: number): Promise<number> {
  const result = (await db.raw('DELETE FROM deleted_entities WHERE deleted_at < now() - make_interval(secs => ?)', [retentionSeconds + SLACK_SECONDS])) as { rowCount?: number; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

/** Prunes on a timer that never holds the process open: `const stop = schedulePruning(db, 604800, logger); … stop()`. */
export function schedulePruning(db: Knex, retentionSeconds: number, logger: Logger, firstAfterMs = 60_000, everyMs = 3_600_000): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    pruneDeletions(db, retentionSeconds)
      .then((n) => { if (n > 0) logger.info({ pruned: n }, 'pruned tombstones older than DELTA_RETENTION'); })
      .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not prune tombstones (will try again)'))
      .finally(() => {
        if (timer !== undefined) timer = setTimeout(run, everyMs).unref();
      });
  };
  timer = setTimeout(run, firstAfterMs).unref();
  return () => {
    clearTimeout(timer);
    timer = undefined;
  };
}
