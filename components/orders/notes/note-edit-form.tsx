'use client';

import { useEffect, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { editOrderNoteAction } from '@/lib/next/actions/orders';
import type { EditOrderNoteInput, ZEditOrderNoteInput } from '@/lib/orders/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { orderFieldError } from './field-error';

type Values = { noteId: string; body: string };

const resolver = lazySchemaResolver<typeof ZEditOrderNoteInput, Values>(() =>
  import('@/lib/orders/schemas').then((m) => m.ZEditOrderNoteInput),
);

/** A note's text as a form, in place of the note (EditableOrderNote); `close` goes back to the note. */
export function OrderNoteEditForm({ noteId, body, close }: { noteId: string; body: string; close: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, EditOrderNoteInput>({ resolver, defaultValues: { noteId, body } });
  useEffect(() => resolver.preload(), []);

  function send(input: EditOrderNoteInput) {
    startTransition(async () => {
      const result = await editOrderNoteAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('orders.notes.updated'));
      close();
      router.refresh();
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} noValidate className="grid gap-2">
      <Field label={t('orders.notes.editLabel')} error={orderFieldError(t, 'notes', form.formState.errors.body)}>
        {(props) => <Textarea {...props} rows={3} autoFocus {...form.register('body')} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t('orders.notes.saving') : t('orders.notes.update')}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={close}>
          {t('orders.notes.cancel')}
        </Button>
      </div>
    </form>
  );
}
