import type { z } from 'zod';
import { normalizePhone } from '@/lib/customers/normalize';
import { ZPhoneOrderInput, type PhoneOrderFieldError } from './schemas';

/**
 * A phone order as the server takes it: ZPhoneOrderInput, and a phone that is a phone number
 * as customer matching reads it (libphonenumber, lib/customers/normalize.ts), else the order
 * would have no identity to match and go through as a nameless guest order. The phone order form
 * validates with this very schema (loaded after the page, as libphonenumber's metadata is heavy),
 * createPhoneOrderAction parses with it, and so does createPhoneOrder.
 */
export const ZPhoneOrderRequest = ZPhoneOrderInput.refine(
  (order) => {
    const phone = order.customer.phone;
    // Longer than the field allows is already said on it.
    return !phone || phone.length > 40 || normalizePhone(phone) !== null;
  },
  {
    path: ['customer', 'phone'],
    message: 'phone_invalid' satisfies PhoneOrderFieldError,
    // Checked along with the other fields (by default zod skips it while any field is wrong, and the
    // agent who fixed a quantity would only then hear that the phone is wrong too).
    when: (payload: z.core.ParsePayload) => {
      const customer = (payload.value as { customer?: unknown } | undefined)?.customer;
      return (
        typeof customer === 'object' &&
        customer !== null &&
        !payload.issues.some((i) => i.path?.[0] === 'customer' && (i.path.length === 1 || i.path[1] === 'phone'))
      );
    },
  },
);
