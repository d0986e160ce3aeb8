import { exportCustomerData } from '@/lib/customers/privacy';
import { guardedRoute } from '@/lib/next/guarded-route';

/**
 * GET /customers/<id>/export — everything kept about one customer as a JSON file to download
 * (customer-<id>-<date>.json): profile, identities, orders with their lines, pickups and timeline,
 * messages and notes. Owners and agents ('customers.export'); audited. An unknown id is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return guardedRoute({
    permission: 'customers.export',
    query: () => null,
    run: async ({ actor, db }) => {
      const data = await exportCustomerData(db, actor, id);
      const date = data.exportedAt.slice(0, 10);
      return new Response(JSON.stringify(data, null, 2), {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="customer-${id}-${date}.json"`,
          'Cache-Control': 'private, no-store',
        },
      });
    },
  })(request);
}
