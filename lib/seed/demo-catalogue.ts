import type { products, variants } from '@/db/schema';
import { CATEGORIES, MODEL_NAMES } from '@/lib/seed/data';
import { makeEan13 } from '@/lib/seed/ean';
import { Rng } from '@/lib/seed/random';
import { DAY } from '@/lib/seed/time';

export type ProductRow = typeof products.$inferInsert;
export type VariantRow = typeof variants.$inferInsert;

export type VariantInfo = {
  id: string;
  sku: string;
  priceCents: number;
  category: string;
  /** Listed on the fashion marketplace. */
  fashion: boolean;
  /** Relative sales weight (a few SKUs sell a lot, most sell a little). */
  popularity: number;
};

export type Catalogue = { products: ProductRow[]; variants: VariantRow[]; info: VariantInfo[] };

/** "Bleu marine" → "BLEMAR", "140 × 200" → "140X200", "50 ml" → "50ML", "Taille unique" → "TU". */
export function skuPart(label: string): string {
  if (label === 'Taille unique') return 'TU';
  const ascii = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  if (/^[0-9]/.test(ascii)) return ascii.replace(/×/g, 'X').replace(/[^0-9A-Z]/g, '');
  return ascii
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w.slice(0, 3))
    .join('');
}

/** A shop price: whole euros minus ten cents (49,90 €). */
function shopPrice(rng: Rng, [min, max]: readonly [number, number]): number {
  // Cheaper items are more common: skew towards the low end of the range.
  const euros = Math.round(min + (max - min) * Math.pow(rng.next(), 1.8));
  return Math.max(1, euros) * 100 - 10;
}

// Sizes that are quantities (50 ml, 140 × 200, 400 g) cost more as they grow.
const VOLUME_SIZED = /ml$|cl$|[0-9] g$|×|^Grand$/;

export function generateCatalogue(rng: Rng, ids: Rng, nProducts: number, now: number): Catalogue {
  const out: Catalogue = { products: [], variants: [], info: [] };
  const names = new Set<string>();
  const weights = CATEGORIES.map((c) => c.weight);
  let variantIndex = 0;

  for (let p = 0; p < nProducts; p++) {
    const cat = rng.weighted(CATEGORIES, weights);
    const item = rng.pick(cat.items);
    const brand = rng.pick(item.brands ?? cat.brands);
    let name = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      name = `${item.noun} ${rng.pick(MODEL_NAMES)} ${rng.pick(item.qualifiers)}`;
      if (!names.has(name)) break;
    }
    if (names.has(name)) name = `${name} ${p + 1}`;
    names.add(name);

    const productId = ids.uuid();
    const createdAt = new Date(now - rng.int(400, 1500) * DAY);
    out.products.push({
      id: productId,
      name,
      brand,
      category: cat.category,
      description: `${name}, par ${brand}. ${cat.category}.`,
      createdAt,
    });

    const basePrice = shopPrice(rng, item.price ?? cat.price);
    const costRatio = 0.35 + rng.next() * 0.2;
    const colourCount = item.coloured === false ? 0 : rng.int(1, cat.maxColours);
    const colours = rng.shuffle([...cat.colours]).slice(0, colourCount);
    let sizes = [...rng.pick(item.sizeSets ?? cat.sizeSets)];
    // Apparel usually stocks four contiguous sizes of its range, shoes five.
    const keep = cat.code === 'CH' ? 5 : cat.code === 'VF' || cat.code === 'VH' ? 4 : sizes.length;
    if (sizes.length > keep) {
      const start = rng.int(0, sizes.length - keep);
      sizes = sizes.slice(start, start + keep);
    }
    const popularity = Math.pow(rng.next(), 3) * 20 + 0.2;
    for (const colour of colours.length ? colours : [null]) {
      sizes.forEach((size, sizeIndex) => {
        const volumePriced = VOLUME_SIZED.test(size);
        const priceCents = volumePriced ? Math.round((basePrice * (1 + 0.6 * sizeIndex)) / 100) * 100 - 10 : basePrice;
        const parts = [cat.code, String(p + 1).padStart(4, '0')];
        if (colour) parts.push(skuPart(colour));
        parts.push(skuPart(size));
        const sku = parts.join('-');
        const title = [colour, size === 'Taille unique' ? null : size].filter(Boolean).join(' / ') || 'Taille unique';
        // 376… is a French GS1 range; 6 digits of item reference keep codes unique.
        const barcode = makeEan13(`376012${String(variantIndex + 1).padStart(6, '0')}`);
        const id = ids.uuid();
        out.variants.push({
          id,
          productId,
          sku,
          barcode,
          title,
          priceCents,
          costCents: Math.round(priceCents * costRatio),
          currency: 'EUR',
          createdAt,
        });
        // Middle sizes sell more than the extremes.
        const sizeFactor = sizes.length > 2 && (sizeIndex === 0 || sizeIndex === sizes.length - 1) ? 0.5 : 1;
        out.info.push({
          id,
          sku,
          priceCents,
          category: cat.category,
          fashion: cat.fashion,
          popularity: popularity * sizeFactor * (0.5 + rng.next()),
        });
        variantIndex++;
      });
    }
  }
  return out;
}
