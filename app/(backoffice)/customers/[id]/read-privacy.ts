import 'server-only';
import { getDb } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { erasedAt } from '@/lib/customers/privacy';
import type { PrivacySectionProps } from '@/components/customers/privacy-section';

/** What the profile's Privacy section shows this actor: its rights, and when the customer was erased. */
export async function readPrivacy(
  actor: Actor,
  customer: { id: string; email: string | null },
): Promise<PrivacySectionProps> {
  const erased = can(actor, 'customers.export') ? await erasedAt(await getDb(), customer.id) : null;
  return {
    customerId: customer.id,
    email: customer.email,
    erasedAt: erased,
    canExport: can(actor, 'customers.export'),
    canErase: can(actor, 'customers.erase'),
  };
}
