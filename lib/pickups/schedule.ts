/** Milliseconds in a day: holds are counted in whole days from the moment a parcel is ready. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a parcel made ready at `readyAt` stops waiting: the store's hold days later. */
export function holdEndsAt(readyAt: Date, store: { holdDays: number }): Date {
  return new Date(readyAt.getTime() + store.holdDays * DAY_MS);
}

/** Reminders: one a day after the parcel is ready, one a day before its hold ends. */
export const REMINDER_AFTER_READY_MS = DAY_MS;
export const REMINDER_BEFORE_END_MS = DAY_MS;
