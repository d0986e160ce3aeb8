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
import { addCustomerNoteAction } from '@/lib/next/actions/customers';
import type { AddCustomerNoteInput, ZAddCustomerNoteInput } from '@/lib/customers/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { fieldErrorText } from './field-errors';

type Values = { customerId: string; body: string };

const resolver = lazySchemaResolver<typeof ZAddCustomerNoteInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZAddCustomerNoteInput),
);

/** An agent's note on the profile: a textarea checked by the action's own schema; the note then heads the timeline. */
export function NoteForm({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, AddCustomerNoteInput>({ resolver, defaultValues: { customerId, body: '' } });
  useEffect(() => resolver.preload(), []);

  function send(input: AddCustomerNoteInput) {
    startTransition(async () => {
      const result = await addCustomerNoteAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('customerProfile.notes.added'));
      form.reset({ customerId, body: '' });
      router.refresh();
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} noValidate className="mb-4 grid gap-2 print:hidden">
      <Field label={t('customerProfile.notes.label')} error={fieldErrorText(t, form.formState.errors.body)}>
        {(props) => (
          <Textarea
            {...props}
            rows={2}
            placeholder={t('customerProfile.notes.placeholder')}
            {...form.register('body')}
          />
        )}
      </Field>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t('customerProfile.notes.saving') : t('customerProfile.notes.save')}
        </Button>
      </div>
    </form>
  );
}
