import type { Locale } from '../config';
import type { Messages } from '../core';
import { en } from './en';
import { fr } from './fr';

export const CATALOGUES: Record<Locale, Messages> = { en, fr };
