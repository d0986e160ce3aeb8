import { describe, expect, it } from 'vitest';
import { queryHref } from '@/lib/http/query-href';
import { parseInventoryListParams } from '@/lib/inventory/list-params';
import { parseOrderListParams } from '@/lib/orders/list-params';
import { searchParamsOf } from '@/lib/http/search-params';
import { inventoryListHref } from './inventory/list-url';
import { ordersHref } from './orders/list-url';

const LOC_A = '0b6f4d1e-7c55-4d7b-9d0e-1f2a3b4c5d6e';
const LOC_B = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('list URLs', () => {
  it('leave out empty values and defaults, keep the keys in order, lists joined by readable commas', () => {
    expect(queryHref('/x', { a: 'one', b: '', c: null, d: undefined, e: '  ', f: 2 }, { f: 2 })).toBe('/x?a=one');
    expect(queryHref('/x', { loc: ['a', 'b'], q: 'café & co' })).toBe('/x?loc=a,b&q=caf%C3%A9%20%26%20co');
    expect(queryHref('/x', {})).toBe('/x');
  });

  it('write the orders view the page reads back', () => {
    expect(ordersHref({ dir: 'desc', status: 'placed', q: ' CMP-1 ' })).toBe('/orders?q=CMP-1&status=placed');
    expect(ordersHref({ view: 'to_confirm', dir: 'asc', after: 'c1' }, { after: undefined })).toBe(
      '/orders?view=to_confirm&dir=asc',
    );
    const query = { q: 'a b', tag: 'vip', status: 'placed', dir: 'asc', location: LOC_A } as const;
    const href = ordersHref(query);
    const read = parseOrderListParams(searchParamsOf(new URL(href, 'http://x').searchParams));
    expect(read).toMatchObject(query);
  });

  it('write the stock view the page reads back', () => {
    expect(inventoryListHref({ loc: [LOC_A], status: 'low', sort: 'name', dir: 'asc', page: 1 })).toBe(
      `/inventory?loc=${LOC_A}&status=low`,
    );
    const query = { loc: [LOC_A, LOC_B], q: 'shoe', sort: 'available', dir: 'desc', page: 3 } as const;
    const href = inventoryListHref(query, {}, '/inventory/export');
    expect(href.startsWith(`/inventory/export?loc=${LOC_A},${LOC_B}&q=shoe`)).toBe(true);
    const read = parseInventoryListParams(searchParamsOf(new URL(href, 'http://x').searchParams));
    expect(read).toMatchObject(query);
  });
});
