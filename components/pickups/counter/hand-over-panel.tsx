'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { Minus, PackageCheck, Plus, UserRound } from 'lucide';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, mapResolver, setServerErrors } from '@/components/form-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { collectPickupAction } from '@/lib/next/actions/pickups';
import { useI18n } from '@/lib/next/i18n-client';
import { formatPickupCode } from '@/lib/pickups/code-format';
import type { CounterPickup } from '@/lib/pickups/lookup';
import type { CollectPickupInput, ZCollectPickupInput } from '@/lib/pickups/schemas';

type Values = {
  pickupId: string;
  code: string;
  collector: 'customer' | 'other';
  collectedByName: string;
  lines: { orderLineId: string; quantity: number }[];
};

/** What the form holds becomes the action's request: the name only for someone else, every line's count. */
function toInput(v: Values): CollectPickupInput {
  return {
    pickupId: v.pickupId,
    code: v.code,
    collectedByName: v.collector === 'other' ? v.collectedByName : undefined,
    lines: v.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
  };
}

const resolver = mapResolver(
  lazySchemaResolver<typeof ZCollectPickupInput>(() =>
    import('@/lib/pickups/schemas').then((m) => m.ZCollectPickupInput),
  ),
  toInput,
);

type Checked = {
  pickupId: string;
  code: string;
  collectedByName?: string;
  lines?: { orderLineId: string; quantity: number }[];
};

export type HandedOver = {
  orderNumber: string;
  person: string;
  items: number;
  /** Due back for what stays behind (0 when everything was taken). */
  refund: { cents: number; currency: string };
};
export type Lost = { orderNumber: string; collectedBy: string | null; collectedAt: string | null };

/**
 * The hand-over of one parcel: each line with what is handed over (all by default; fewer, or none
 * of a line, for a partial collection, but not nothing at all), who collects it (the customer, or
 * a person named here), then a summary to confirm. Checked with the action's own schema. The
 * staff member handing over is the one signed in. Of two staff confirming the same parcel, the
 * one who loses is told by the server who handed it over and when (onLost).
 */
export function HandOverPanel({
  pickup,
  staffName,
  onDone,
  onLost,
  onCancel,
}: {
  pickup: CounterPickup;
  staffName: string;
  onDone: (done: HandedOver) => void;
  onLost: (lost: Lost) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [review, setReview] = useState<{ input: Checked; person: string; items: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Checked>({
    resolver,
    defaultValues: {
      pickupId: pickup.pickupId,
      code: pickup.code,
      collector: 'customer',
      collectedByName: '',
      lines: pickup.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
    },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines', keyName: 'key' });
  const collector = useWatch({ control: form.control, name: 'collector' });
  const quantities = useWatch({ control: form.control, name: 'lines' });
  const { errors } = form.formState;
  useEffect(() => resolver.preload(), []);
  // The panel opens where the keyboard is: its heading, then Tab through the lines.
  useEffect(() => heading.current?.focus(), []);

  const customer = pickup.customerName || t('pickupCounter.panel.byCustomerNoName');
  const handing = quantities.reduce((n, l) => n + (Number.isFinite(l.quantity) ? l.quantity : 0), 0);
  const ordered = pickup.lines.reduce((n, l) => n + l.quantity, 0);

  function step(index: number, delta: number) {
    const max = pickup.lines[index].quantity;
    const now = form.getValues(`lines.${index}.quantity`);
    const next = Math.min(max, Math.max(0, (Number.isFinite(now) ? now : 0) + delta));
    form.setValue(`lines.${index}.quantity`, next, { shouldValidate: form.formState.isSubmitted });
    form.clearErrors('root');
  }

  function check(input: Checked) {
    const values = form.getValues();
    let wrong = false;
    values.lines.forEach((l, i) => {
      if (l.quantity > pickup.lines[i].quantity) {
        form.setError(`lines.${i}.quantity`, { type: 'max', message: String(pickup.lines[i].quantity) });
        wrong = true;
      }
    });
    if (values.collector === 'other' && !input.collectedByName) {
      form.setError('collectedByName', { type: 'required' }, { shouldFocus: true });
      wrong = true;
    }
    if (values.lines.every((l) => l.quantity === 0)) {
      form.setError('root', { type: 'nothing' });
      wrong = true;
    }
    if (wrong) return;
    const person = input.collectedByName ?? customer;
    setReview({ input, person, items: values.lines.reduce((n, l) => n + l.quantity, 0) });
  }

  function confirm() {
    if (!review) return;
    const { input, person, items } = review;
    startTransition(async () => {
      const result = await collectPickupAction(input);
      setReview(null);
      if (result.ok) {
        toast.success(t('pickupCounter.done.toast', { number: pickup.orderNumber, person }));
        onDone({ orderNumber: pickup.orderNumber, person, items, refund: result.data.refund });
        return;
      }
      if (result.code === 'conflict' && result.details?.reason === 'already_collected') {
        const by = result.details.collectedBy;
        const at = result.details.collectedAt;
        onLost({
          orderNumber: pickup.orderNumber,
          collectedBy: typeof by === 'string' ? by : null,
          collectedAt: typeof at === 'string' ? at : null,
        });
        return;
      }
      if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
    });
  }

  const remaining = ordered - handing;
  return (
    <section
      aria-labelledby={headingId}
      className="grid gap-4 rounded-lg border border-border bg-surface p-4 shadow-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h2 id={headingId} ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {t('pickupCounter.panel.heading', { number: pickup.orderNumber })}
          </h2>
          <p className="text-sm text-muted-foreground">{t('pickupCounter.panel.customer', { name: customer })}</p>
        </div>
        <div className="grid justify-items-end gap-0.5">
          <span className="text-xs text-muted-foreground">{t('pickupCounter.panel.code')}</span>
          <span className="font-mono text-2xl font-semibold tabular-nums tracking-wider" data-testid="counter-code">
            {formatPickupCode(pickup.code)}
          </span>
        </div>
      </div>

      <form onSubmit={(event) => void form.handleSubmit(check)(event)} noValidate className="grid gap-4">
        <Table aria-label={t('pickupCounter.panel.linesLabel')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('pickupCounter.panel.product')}</TableHead>
              <TableHead>{t('pickupCounter.panel.sku')}</TableHead>
              <TableHead numeric>{t('pickupCounter.panel.ordered')}</TableHead>
              <TableHead numeric>{t('pickupCounter.panel.handOver')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.fields.map((field, i) => {
              const line = pickup.lines[i];
              const error = errors.lines?.[i]?.quantity;
              return (
                <TableRow key={field.key} data-line={line.sku}>
                  <TableCell>
                    <div className="font-medium">{line.name}</div>
                    <div className="text-sm text-muted-foreground">{line.title}</div>
                  </TableCell>
                  <TableCell className="font-mono text-sm">{line.sku}</TableCell>
                  <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
                  <TableCell>
                    <div className="flex items-center justify-end gap-1.5">
                      <Button
                        type="button"
                        variant="secondary"
                        size="icon"
                        aria-label={t('pickupCounter.panel.less', { sku: line.sku })}
                        disabled={(quantities[i]?.quantity ?? 0) <= 0}
                        onClick={() => step(i, -1)}
                      >
                        <Icon node={Minus} aria-hidden />
                      </Button>
                      <Input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={line.quantity}
                        step={1}
                        aria-label={t('pickupCounter.panel.quantityLabel', { name: line.name, sku: line.sku })}
                        aria-invalid={error ? true : undefined}
                        width="w-16"
                        className="text-right tabular-nums"
                        {...form.register(`lines.${i}.quantity`, {
                          valueAsNumber: true,
                          onChange: () => form.clearErrors('root'),
                        })}
                      />
                      <Button
                        type="button"
                        variant="secondary"
                        size="icon"
                        aria-label={t('pickupCounter.panel.more', { sku: line.sku })}
                        disabled={(quantities[i]?.quantity ?? 0) >= line.quantity}
                        onClick={() => step(i, 1)}
                      >
                        <Icon node={Plus} aria-hidden />
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {errors.root ? <Alert tone="error">{t('pickupCounter.panel.nothing')}</Alert> : null}
        {errors.lines?.some?.((e) => e?.quantity) ? (
          <Alert tone="error">{t('errors.validation')}</Alert>
        ) : remaining > 0 && handing > 0 ? (
          <p className="text-sm text-waiting" aria-live="polite">
            {t('pickupCounter.panel.partial', { count: remaining })}
          </p>
        ) : null}

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{t('pickupCounter.panel.collector')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="customer" className="size-4 accent-primary" {...form.register('collector')} />
            {pickup.customerName
              ? t('pickupCounter.panel.byCustomer', { name: pickup.customerName })
              : t('pickupCounter.panel.byCustomerNoName')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="other" className="size-4 accent-primary" {...form.register('collector')} />
            {t('pickupCounter.panel.byOther')}
          </label>
          {collector === 'other' ? (
            <div className="grid max-w-sm gap-1.5 pl-6">
              <label htmlFor={`${headingId}-name`} className="text-sm font-medium">
                {t('pickupCounter.panel.otherName')}
              </label>
              <Input
                id={`${headingId}-name`}
                autoComplete="off"
                maxLength={120}
                aria-invalid={errors.collectedByName ? true : undefined}
                aria-describedby={errors.collectedByName ? `${headingId}-name-error` : undefined}
                autoFocus
                {...form.register('collectedByName')}
              />
              {errors.collectedByName ? (
                <p id={`${headingId}-name-error`} className="text-xs text-destructive">
                  {t('pickupCounter.panel.otherNameRequired')}
                </p>
              ) : null}
            </div>
          ) : null}
        </fieldset>

        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          <Icon node={UserRound} aria-hidden className="size-4" />
          {t('pickupCounter.panel.handedOverBy', { name: staffName })}
        </p>

        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('pickupCounter.panel.cancel')}
          </Button>
          <Button type="submit" size="lg" disabled={pending}>
            <Icon node={PackageCheck} aria-hidden />
            {t('pickupCounter.panel.submit')}
          </Button>
        </div>
      </form>

      <Dialog open={review !== null} onOpenChange={(open) => !open && !pending && setReview(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('pickupCounter.panel.confirmTitle', { number: pickup.orderNumber })}</DialogTitle>
            <DialogDescription>
              {t('pickupCounter.panel.confirmItems', { count: review?.items ?? 0, person: review?.person ?? '' })}
            </DialogDescription>
          </DialogHeader>
          <ul className="grid gap-1 text-sm">
            {pickup.lines.map((line, i) => {
              const quantity = review?.input.lines?.[i]?.quantity ?? 0;
              return quantity > 0 ? (
                <li key={line.orderLineId}>
                  {t('pickupCounter.panel.confirmLine', {
                    quantity,
                    of: line.quantity,
                    name: line.name,
                    title: line.title,
                  })}{' '}
                  <span className="font-mono text-xs text-muted-foreground">{line.sku}</span>
                </li>
              ) : null;
            })}
          </ul>
          {review && review.items < ordered ? (
            <p className="text-sm text-waiting">{t('pickupCounter.panel.confirmPartial')}</p>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" disabled={pending} onClick={() => setReview(null)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={pending} aria-busy={pending || undefined} onClick={confirm}>
              <Icon node={PackageCheck} aria-hidden />
              {pending ? t('pickupCounter.panel.working') : t('pickupCounter.panel.confirm')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}
