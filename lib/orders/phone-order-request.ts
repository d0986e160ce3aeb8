import { normalizePhone } from '@/lib/customers/normalize';
import { ZPhoneOrderInput, type PhoneOrderFieldError } from './schemas';

/**
 * A phone order as the server takes it: ZPhoneOrderInput, and a phone that is a phone number
 * as customer matching reads it (libphonenumber, lib/customers/normalize.ts), else the order
 * would have no identity to match and go through as a nameless guest order. The phone order form
 * validates with this very schema (loaded after the page, as libphonenumber's metadata is heavy),
 * createPhoneOrderAction parses with it, and so does createPhoneOrder.
 */
export const ZPhoneOrderRequest = ZPhoneOrderInput.superRefine((order, ctx) => {
  const phone = order.customer.phone;
  // Longer than the field allows is already said on it.
  if (phone && phone.length <= 40 && normalizePhone(phone) === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['customer', 'phone'],
      message: 'phone_invalid' satisfies PhoneOrderFieldError,
    });
  }
});
