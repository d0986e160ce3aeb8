'use server';

import { changePoints } from '@/lib/loyalty/change-points';
import { ZChangePointsInput } from '@/lib/loyalty/schemas';
import { guardedAction } from '@/lib/next/guarded-action';

// An agent's (or owner's) redemption or adjustment of a customer's points, with a reason.

export const changePointsAction = guardedAction({
  permission: 'customers.edit',
  schema: ZChangePointsInput,
  run: ({ actor, db }, input) => changePoints(db, actor, input),
  revalidate: (input) => [`/customers/${input.customerId}`],
});
