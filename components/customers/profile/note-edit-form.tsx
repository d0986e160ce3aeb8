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
import { editCustomerNoteAction } from '@/lib/next/actions/customers';
import type { EditCustomerNoteInput, ZEditCustomerNoteInput } from '@/lib/customers/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { fieldErrorText } from './field-errors';

type Values = { noteId: string; body: string };

const resolver = lazySchemaResolver<typeof ZEditCustomerNoteInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZEditCustomerNoteInput),
);

/**
 * A note's text as a form, in place of the note (EditableNote in note-edit.tsx), loaded with
 * react-hook-form when its Edit button is about to be used. `close` goes back to the note.
 */
export function NoteEditForm({ noteId, body, close }: { noteId: string; body: string; close: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, EditCustomerNoteInput>({ resolver, defaultValues: { noteId, body } });
  useEffect(() => resolver.preload(), []);

  function send(input: EditCustomerNoteInput) {
    startTransition(async () => {
      const result = await editCustomerNoteAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('customerProfile.notes.updated'));
      close();
      router.refresh();
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} noValidate className="grid gap-2">
      <Field label={t('customerProfile.notes.editLabel')} error={fieldErrorText(t, form.formState.errors.body)}>
        {(props) => <Textarea {...props} rows={3} autoFocus {...form.register('body')} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t('customerProfile.notes.saving') : t('customerProfile.notes.update')}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={close}>
          {t('customerProfile.notes.cancel')}
        </Button>
      </div>
    </form>
  );
}
