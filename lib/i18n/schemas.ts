import { z } from 'zod';
import { LOCALES } from './config';

/** A language chosen in the user menu or the sign-in page's switch (setLocaleAction). */
export const ZLocale = z.enum(LOCALES);
