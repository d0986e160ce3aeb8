/**
 * Which clock a time is shown on. A location has its own zone (locations.time_zone): whatever
 * happens at one location — an order it fulfils, a transfer leaving or reaching it, a count, a
 * stock movement — is shown in that location's zone. Everything that is about the business as a
 * whole uses the install's zone, defined here and nowhere else: the business day of the KPI
 * rollups, the date filters of lists across locations, the dashboard, customers, export file
 * names, and the default of the date formatters.
 *
 * The install's zone is COMPTOIR_TIME_ZONE (an IANA name such as America/Montreal), default
 * Europe/Paris. Set it before the first orders: the KPI rollups already written keep the days
 * they were counted in.
 */
export const FALLBACK_TIME_ZONE = 'Europe/Paris';

/** Why COMPTOIR_TIME_ZONE cannot be used, or null (unset means the fallback). */
export function timeZoneProblem(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.COMPTOIR_TIME_ZONE;
  if (value === undefined || value === '') return null;
  return isTimeZone(value)
    ? null
    : `COMPTOIR_TIME_ZONE is "${value}", which is not an IANA time zone (e.g. Europe/Paris).`;
}

/** The install's time zone; an invalid COMPTOIR_TIME_ZONE throws (the start-up checks refuse it first). */
export function installTimeZone(env: Record<string, string | undefined> = process.env): string {
  const problem = timeZoneProblem(env);
  if (problem) throw new Error(problem);
  return env.COMPTOIR_TIME_ZONE || FALLBACK_TIME_ZONE;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's calendar date (YYYY-MM-DD) in a zone: file names, "today" on a page. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone });
}

/** A zone as a SQL string literal, for statements kept as text (seed rollups, invariants): checked, so safe to inline. */
export function timeZoneLiteral(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new Error(`"${timeZone}" is not an IANA time zone.`);
  return `'${timeZone.replaceAll("'", "''")}'`;
}
