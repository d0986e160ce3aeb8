import { authSecretProblem } from '@/lib/auth/secret';
import { secretKeyProblem } from '@/lib/channels/keys';
import { jobsSwitchProblem } from '@/lib/jobs/status';
import { timeZoneProblem } from './time-zone';

/**
 * What keeps this process from starting safely, a sentence each: the production secrets that
 * every instance must share (AUTH_SECRET for sessions, COMPTOIR_SECRET_KEY for the channels'
 * signing secrets; lib/auth/secret.ts and lib/channels/keys.ts say when each is required), and a
 * COMPTOIR_TIME_ZONE that is no time zone (lib/system/time-zone.ts), a JOBS that is neither on nor
 * off (lib/jobs/status.ts).
 */
export function startupProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  return [authSecretProblem(env), secretKeyProblem(env), timeZoneProblem(env), jobsSwitchProblem(env)].filter(
    (problem): problem is string => Boolean(problem),
  );
}

/** For the start scripts: refuse to start, saying why, rather than fail at the first sign-in or delivery. */
export function exitOnStartupProblems(): void {
  const problems = startupProblems();
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`Comptoir will not start: ${problem}`);
  process.exit(1);
}
