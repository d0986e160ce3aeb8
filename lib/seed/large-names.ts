import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES } from '@/lib/seed/data';

/**
 * Names for the large data set as a real population has them: tens of thousands of surnames and
 * thousands of first names with a long tail, not a hundred of each (1M customers drawn from 100 × 110
 * names gave every full name ~90 holders, and the duplicate scan millions of "similar name in the
 * same city" pairs). The real common names of data.ts take the first ranks; the rest are built from
 * syllables (onset, middle, ending: a rank is its digits in that mixed base, so every rank names a
 * different word). A customer's rank is drawn with a Zipf–Mandelbrot weight, 1 / (rank + q): with the
 * parameters below the commonest surname (Martin) is ~0.6 % of the customers (~0.4 % in France),
 * the commonest first name ~2 %, and the rarest names have a handful of holders.
 *
 * Everything is SQL of a row number (no table, no large array: an array of text is read element by
 * element, so the syllable arrays stay small), to be inlined in the seed's generator functions.
 */

const LAST_ONSETS = [
  'Bar',
  'Ber',
  'Bou',
  'Bra',
  'Cal',
  'Cha',
  'Cou',
  'Dal',
  'Del',
  'Dou',
  'Fal',
  'Fer',
  'Gal',
  'Gar',
  'Gou',
  'Jan',
  'Lam',
  'Lar',
  'Lou',
  'Mal',
  'Mar',
  'Mou',
  'Pel',
  'Per',
  'Rab',
  'Ren',
  'Sal',
  'Tes',
  'Vau',
  'Ver',
  'Bél',
  'Crév',
  'Dér',
  'Frén',
  'Grég',
  'Lév',
  'Mél',
  'Pér',
  'Rém',
  'Thév',
];
const LAST_MIDDLES = [
  'a',
  'e',
  'i',
  'o',
  'ou',
  'an',
  'en',
  'in',
  'on',
  'ar',
  'er',
  'or',
  'ag',
  'el',
  'il',
  'ol',
  'ab',
  'em',
  'ir',
  'us',
];
const LAST_ENDINGS = [
  'bert',
  'card',
  'chard',
  'det',
  'don',
  'gnac',
  'guet',
  'lat',
  'let',
  'lier',
  'lin',
  'lot',
  'mont',
  'nard',
  'naud',
  'net',
  'nier',
  'not',
  'quet',
  'rand',
  'ret',
  'rin',
  'rot',
  'ry',
  'taud',
  'tier',
  'ton',
  'vel',
  'ville',
  'zac',
];
const FIRST_ONSETS = [
  'Al',
  'Am',
  'Bé',
  'Cl',
  'Cor',
  'Dor',
  'El',
  'Ev',
  'Fl',
  'Gil',
  'Hel',
  'Is',
  'Jo',
  'Lou',
  'Ma',
  'Mir',
  'Ni',
  'Or',
  'Ro',
  'Sol',
];
const FIRST_MIDDLES = ['a', 'e', 'é', 'i', 'o', 'an', 'el', 'or', 'is', 'ir'];
const FIRST_ENDINGS = ['ine', 'ette', 'elle', 'ane', 'ie', 'ise', 'ien', 'ard', 'ic', 'in', 'ent', 'as'];

/** How many ranks each kind of name has: the real ones first, then every syllable combination. */
export const LARGE_LAST_NAME_COUNT = LAST_NAMES.length + LAST_ONSETS.length * LAST_MIDDLES.length * LAST_ENDINGS.length;
const REAL_FIRST = FIRST_NAMES_F.flatMap((f, i) => (FIRST_NAMES_M[i] ? [f, FIRST_NAMES_M[i]] : [f])).concat(
  FIRST_NAMES_M.slice(FIRST_NAMES_F.length),
);
export const LARGE_FIRST_NAME_COUNT =
  REAL_FIRST.length + FIRST_ONSETS.length * FIRST_MIDDLES.length * FIRST_ENDINGS.length;

/** The Zipf–Mandelbrot offsets: larger flattens the head. */
const LAST_Q = 25;
const FIRST_Q = 8;

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(quote).join(',')}]::text[]`;
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * A rank in [0, n) with weight 1 / (rank + q), from a uniform u in [0, 1): the inverse of the
 * continuous distribution function, so one expression and no table.
 */
function zipfRank(u: string, n: number, q: number): string {
  return `least(${n - 1}, floor(${q} * power(${(n + q) / q}::float8, ${u}) - ${q}))::bigint`;
}

type Parts = {
  real: readonly string[];
  onsets: readonly string[];
  middles: readonly string[];
  endings: readonly string[];
};

/** The name of rank `k` (an SQL expression of a bigint; it is repeated, so pass something cheap to compute). */
function nameOfRank(k: string, parts: Parts, fold: (s: string) => string): string {
  const { real, onsets, middles, endings } = parts;
  const s = `(${k} - ${real.length})`;
  const pick = (values: readonly string[], index: string) => `(${textArray(values.map(fold))})[${index} + 1]`;
  return `CASE WHEN ${k} < ${real.length} THEN ${pick(real, k)}
    ELSE ${pick(onsets, `${s} % ${onsets.length}`)} || ${pick(middles, `(${s} / ${onsets.length}) % ${middles.length}`)}
      || ${pick(endings, `(${s} / ${onsets.length * middles.length}) % ${endings.length}`)} END`;
}

const LAST: Parts = { real: LAST_NAMES, onsets: LAST_ONSETS, middles: LAST_MIDDLES, endings: LAST_ENDINGS };
const FIRST: Parts = { real: REAL_FIRST, onsets: FIRST_ONSETS, middles: FIRST_MIDDLES, endings: FIRST_ENDINGS };

/**
 * SQL bodies for the seed's generator functions of a customer number `c`, given `r(c, salt)`
 * (a uniform double): the rank of its first and last name, and the names as shown and in ASCII
 * lower case (for the e-mail address).
 */
export function largeNameSql(r: (salt: number) => string) {
  const firstRank = zipfRank(r(50), LARGE_FIRST_NAME_COUNT, FIRST_Q);
  const lastRank = zipfRank(r(51), LARGE_LAST_NAME_COUNT, LAST_Q);
  const keep = (s: string) => s;
  return {
    firstRank,
    lastRank,
    firstName: (k: string) => nameOfRank(k, FIRST, keep),
    lastName: (k: string) => nameOfRank(k, LAST, keep),
    firstAscii: (k: string) => nameOfRank(k, FIRST, ascii),
    lastAscii: (k: string) => nameOfRank(k, LAST, ascii),
  };
}
