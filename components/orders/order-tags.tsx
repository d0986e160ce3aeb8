'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { X } from 'lucide';
import { actionErrorMessage } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { addOrderTagAction, removeOrderTagAction } from '@/lib/next/actions/orders';
import { useI18n } from '@/lib/next/i18n-client';
import { normalizeOrderTag, ORDER_TAG_MAX } from '@/lib/orders/constants';
import { tagError } from './tag-error';

/**
 * An order's tags: each a link to the orders holding it, with a remove button, and a field to add
 * one, for those who may (orders.annotate). The field checks the tag as ZOrderTag does (the action
 * parses it again), without loading zod on the order page.
 */
export function OrderTags({
  orderId,
  tags,
  editable,
}: {
  orderId: string;
  tags: readonly string[];
  editable: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function add(raw: string) {
    const tag = normalizeOrderTag(raw);
    if (!tag || tag.length > ORDER_TAG_MAX) {
      setError(tagError(t, { message: tag ? 'too_long' : 'required' }));
      input.current?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await addOrderTagAction({ orderId, tag });
      if (!result.ok) {
        const field = result.fieldErrors?.tag?.[0];
        if (field) setError(tagError(t, { message: field }));
        else toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('orders.tags.added', { tag: result.data.tag }));
      if (input.current) input.current.value = '';
      router.refresh();
    });
  }

  function remove(tag: string) {
    startTransition(async () => {
      const result = await removeOrderTagAction({ orderId, tag });
      if (!result.ok) toast.error(actionErrorMessage(t, result));
      else {
        toast.success(t('orders.tags.removed', { tag }));
        router.refresh();
      }
    });
  }

  return (
    <div className="grid gap-3">
      {tags.length ? (
        <ul aria-label={t('orders.tags.listLabel')} className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-0.5 rounded-md border border-border bg-muted py-0.5 pl-2 pr-0.5 text-xs"
            >
              <Link
                href={`/orders?tag=${encodeURIComponent(tag)}`}
                aria-label={t('orders.tags.filter', { tag })}
                className="hover:underline"
              >
                {tag}
              </Link>
              {editable ? (
                <button
                  type="button"
                  disabled={pending}
                  aria-label={t('orders.tags.remove', { tag })}
                  onClick={() => remove(tag)}
                  className="inline-flex size-5 items-center justify-center rounded-sm text-muted-foreground hover:bg-surface hover:text-foreground print:hidden"
                >
                  <Icon node={X} aria-hidden className="size-3.5" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">{t('orders.tags.none')}</p>
      )}
      {editable ? (
        <form
          noValidate
          className="flex items-start gap-2 print:hidden"
          onSubmit={(e) => {
            e.preventDefault();
            add(input.current?.value ?? '');
          }}
        >
          <div className="grid min-w-0 flex-1 gap-1">
            <label htmlFor={`${id}-tag`} className="sr-only">
              {t('orders.tags.label')}
            </label>
            <Input
              ref={input}
              id={`${id}-tag`}
              name="tag"
              placeholder={t('orders.tags.placeholder')}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={() => setError(null)}
            />
            {error ? (
              <p id={`${id}-error`} className="text-xs text-problem">
                {error}
              </p>
            ) : null}
          </div>
          <Button type="submit" size="sm-field" variant="secondary" disabled={pending}>
            {t('orders.tags.add')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
