import { z } from 'zod';
import type { OpeningHours } from '@/db/schema/locations';

/** ISO weekdays as opening hours key them: '1' = Monday … '7' = Sunday. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Open–close intervals one day may have (a lunch break makes two). */
export const MAX_INTERVALS_PER_DAY = 4;
/** The database's bounds (db/schema/locations.ts): preparation within a week; a hold of at least a day. */
export const MAX_PREPARATION_MINUTES = 10_080;
export const MAX_HOLD_DAYS = 60;

/**
 * The field error codes of the store settings form: the schema's messages, which the form says in
 * the user's language (components/settings/store-settings-form.tsx) and the API gives as they are.
 */
export const STORE_SETTINGS_FIELD_ERRORS = [
  'time_invalid',
  'close_before_open',
  'overlap',
  'too_many_intervals',
  'preparation_range',
  'hold_days_range',
] as const;
export type StoreSettingsFieldError = (typeof STORE_SETTINGS_FIELD_ERRORS)[number];

/** 'HH:MM' on a 24-hour clock; a day may close at 24:00. */
const clock = z
  .string({ error: 'time_invalid' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'time_invalid' });
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One opening of a day, in the store's own time zone; it closes after it opens, the same day. */
export const ZOpeningInterval = z
  .object({ opens: clock, closes: clock })
  .refine((i) => minutesOf(i.closes) > minutesOf(i.opens), { path: ['closes'], error: 'close_before_open' });

/** A day's openings, none for a closed day, and none overlapping another. */
const ZDayHours = z
  .array(ZOpeningInterval)
  .max(MAX_INTERVALS_PER_DAY, { error: 'too_many_intervals' })
  .superRefine((intervals, ctx) => {
    const sorted = intervals
      .map((interval, index) => ({ index, opens: minutesOf(interval.opens), closes: minutesOf(interval.closes) }))
      .sort((a, b) => a.opens - b.opens);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].opens < sorted[k - 1].closes) {
        ctx.addIssue({ code: 'custom', path: [sorted[k].index, 'opens'], message: 'overlap' });
      }
    }
  });

/**
 * A store's click-and-collect settings, as the owner edits them: what the promise (preparation
 * minutes of opening time), the messages (opening hours), the expiry (hold days) and the
 * availability API (enabled, paused) read. Checked in the browser, the action and the use case.
 */
export const ZUpdateStoreSettingsInput = z.object({
  locationId: z.uuid(),
  openingHours: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayHours])) as Record<Weekday, typeof ZDayHours>),
  preparationMinutes: z
    .number({ error: 'preparation_range' })
    .int({ error: 'preparation_range' })
    .min(0, { error: 'preparation_range' })
    .max(MAX_PREPARATION_MINUTES, { error: 'preparation_range' }),
  holdDays: z
    .number({ error: 'hold_days_range' })
    .int({ error: 'hold_days_range' })
    .min(1, { error: 'hold_days_range' })
    .max(MAX_HOLD_DAYS, { error: 'hold_days_range' }),
  pickupEnabled: z.boolean(),
  pickupPaused: z.boolean(),
});
export type UpdateStoreSettingsInput = z.input<typeof ZUpdateStoreSettingsInput>;
export type StoreSettingsHours = z.output<typeof ZUpdateStoreSettingsInput>['openingHours'];

/** The form's days as the column stores them: a closed day is left out, intervals in order as [opens, closes]. */
export function toOpeningHours(days: StoreSettingsHours): OpeningHours {
  const out: OpeningHours = {};
  for (const day of WEEKDAYS) {
    const list = [...days[day]].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    if (list.length > 0) out[day] = list.map((i) => [i.opens, i.closes]);
  }
  return out;
}

/** The column's hours as the form edits them: every day, closed as an empty list. */
export function fromOpeningHours(hours: OpeningHours): StoreSettingsHours {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, (hours[d] ?? []).map(([opens, closes]) => ({ opens, closes }))]),
  ) as StoreSettingsHours;
}
