import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    brand: text('brand').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The name folded (lower case, no accents: search_fold, migration 0018), as SKU search matches it
    // (lib/inventory/queries/sku-match.ts): "mariniere" finds "Pull marinière".
    index('products_name_fold_trgm_idx').using('gin', sql`search_fold(${t.name}) gin_trgm_ops`),
    index('products_category_idx').on(t.category),
    index('products_brand_idx').on(t.brand),
  ],
);

export const variants = pgTable(
  'variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    sku: text('sku').notNull().unique(),
    /** EAN-13; optional, unique when present. */
    barcode: text('barcode').unique(),
    /** Option label shown after the product name, e.g. "Navy / M". */
    title: text('title').notNull(),
    priceCents: integer('price_cents').notNull(),
    costCents: integer('cost_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('variants_price_nonnegative', sql`${t.priceCents} >= 0 and ${t.costCents} >= 0`),
    check('variants_barcode_ean13', sql`${t.barcode} is null or ${t.barcode} ~ '^[0-9]{13}$'`),
    check('variants_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('variants_product_idx').on(t.productId),
    // Prefix search on SKU and barcode ("ABC-12…") needs the C-collation operator class.
    index('variants_sku_prefix_idx').on(t.sku.op('text_pattern_ops')),
    index('variants_barcode_prefix_idx').on(t.barcode.op('text_pattern_ops')),
  ],
);
