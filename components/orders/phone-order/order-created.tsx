'use client';

import { useEffect, useRef } from 'react';
import { Icon } from '@/components/ui/icons';
import { CircleCheck, Plus } from 'lucide';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { useI18n } from '@/lib/next/i18n-client';
import type { CreatedOrder } from './use-phone-order-form';

/**
 * The order just taken: its number, big, for the agent to read to the customer, the total, and
 * what comes next (open it, or take another). The heading takes the focus, so a screen reader says
 * it at once.
 */
export default function OrderCreated({ order, onAnother }: { order: CreatedOrder; onAnother: () => void }) {
  const { t, formatMoney } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card className="mx-auto max-w-xl">
      <CardContent padding="lg" className="grid justify-items-center gap-4 text-center">
        <Icon node={CircleCheck} aria-hidden className="size-10 text-done" />
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {t('orders.new.createdTitle')}
        </h2>
        <div className="grid gap-1">
          <p className="text-sm text-muted-foreground">{t('orders.new.createdRead')}</p>
          <p
            data-testid="created-order-number"
            className="font-mono text-4xl font-semibold tracking-wide tabular-nums select-all"
          >
            {order.number}
          </p>
        </div>
        <p className="text-sm tabular-nums">
          {t('orders.new.createdTotal', { total: formatMoney(order.totalCents, order.currency) })}
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          <ButtonLink href={`/orders/${order.id}`} variant="secondary">
            {t('orders.new.openOrder')}
          </ButtonLink>
          <Button onClick={onAnother}>
            <Icon node={Plus} aria-hidden />
            {t('orders.new.takeAnother')}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
