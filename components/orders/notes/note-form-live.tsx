'use client';

import { useEffect, useRef, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { addOrderNoteAction } from '@/lib/next/actions/orders';
import type { AddOrderNoteInput, ZAddOrderNoteInput } from '@/lib/orders/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { orderFieldError } from './field-error';
import type { OrderNoteHandoff } from './note-form';

type Values = { orderId: string; body: string };

const resolver = lazySchemaResolver<typeof ZAddOrderNoteInput, Values>(() =>
  import('@/lib/orders/schemas').then((m) => m.ZAddOrderNoteInput),
);

/** The note form itself (react-hook-form over the action's own schema), taking over from OrderNoteForm. */
export function OrderNoteFormLive({ orderId, handoff }: { orderId: string; handoff: OrderNoteHandoff }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, AddOrderNoteInput>({
    resolver,
    defaultValues: { orderId, body: handoff.body },
  });
  useEffect(() => resolver.preload(), []);

  function send(input: AddOrderNoteInput) {
    startTransition(async () => {
      const result = await addOrderNoteAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('orders.notes.added'));
      form.reset({ orderId, body: '' });
      router.refresh();
    });
  }
  const submit = form.handleSubmit(send);

  const submitButton = useRef<HTMLButtonElement>(null);
  const { setFocus } = form;
  useEffect(() => {
    if (handoff.focus === 'body') {
      setFocus('body');
      const body = document.activeElement;
      if (body instanceof HTMLTextAreaElement && handoff.selection) body.setSelectionRange(...handoff.selection);
    } else if (handoff.focus === 'submit') submitButton.current?.focus();
    if (handoff.submit) void submit();
    // Once, as it takes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="mb-4 grid gap-2 print:hidden">
      <Field label={t('orders.notes.label')} error={orderFieldError(t, 'notes', form.formState.errors.body)}>
        {(props) => (
          <Textarea {...props} rows={2} placeholder={t('orders.notes.placeholder')} {...form.register('body')} />
        )}
      </Field>
      <div>
        <Button ref={submitButton} type="submit" size="sm" disabled={pending}>
          {pending ? t('orders.notes.saving') : t('orders.notes.save')}
        </Button>
      </div>
    </form>
  );
}
