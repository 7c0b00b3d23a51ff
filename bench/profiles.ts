/**
 * The two benchmark profiles (`--quick` and full) as data: dataset sizes (projects included), load duration, connections,
 * warm-up and write counts; and the JWT secret the serving process and the runner share. Pure values.
 */

export const BENCH_JWT_SECRET = 'bench';
export const BENCH_SEED = 20261124;

export interface Profile {
  readonly name: 'quick' | 'full';
  readonly usersPerCompany: number;
  readonly teamsPerCompany: number;
  readonly membershipsPerCompany: number;
  readonly companies: number;
  /** Projects per company, each with 3–10 project-people mappings. */
  readonly projectsPerCompany: number;
  /** Seconds of autocannon load per scenario and server, after warmUpSeconds of warm-up. */
  readonly durationSeconds: number;
  /** Read scenarios: durationSeconds split into this many rounds, alternating the servers (ABBA). */
  readonly loadRounds: number;
  readonly warmUpSeconds: number;
  readonly connections: number;
  /** Requests per server for each write scenario (a fixed count, not a duration). */
  readonly writes: number;
  /** Full pulls per server (alternating); the median is reported. */
  readonly pullRounds: number;
  /** Database connections per server (PostgreSQL; PGlite has one). */
  readonly poolMax: number;
}

export const PROFILES: Readonly<Record<Profile['name'], Profile>> = {
  quick: {
    name: 'quick', usersPerCompany: 10_000, teamsPerCompany: 1_000, membershipsPerCompany: 15_000, companies: 2, projectsPerCompany: 500,
    durationSeconds: 3, loadRounds: 3, warmUpSeconds: 1, connections: 4, writes: 100, poolMax: 10, pullRounds: 3,
  },
  full: {
    name: 'full', usersPerCompany: 100_000, teamsPerCompany: 10_000, membershipsPerCompany: 150_000, companies: 2, projectsPerCompany: 5_000,
    durationSeconds: 15, loadRounds: 5, warmUpSeconds: 3, connections: 10, writes: 1000, poolMax: 10, pullRounds: 5,
  },
};

/** `withOverrides(PROFILES.quick, { connections: 8 })` → the quick profile with 8 connections. */
export function withOverrides(profile: Profile, overrides: { connections?: number; durationSeconds?: number }): Profile {
  return {
    ...profile,
    ...(overrides.connections === undefined ? {} : { connections: overrides.connections }),
    ...(overrides.durationSeconds === undefined ? {} : { durationSeconds: overrides.durationSeconds }),
  };
}
