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
import { addCustomerNoteAction } from '@/lib/next/actions/customers';
import type { AddCustomerNoteInput, ZAddCustomerNoteInput } from '@/lib/customers/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { fieldErrorText } from './field-errors';
import type { NoteHandoff } from './note-form';

type Values = { customerId: string; body: string };

const resolver = lazySchemaResolver<typeof ZAddCustomerNoteInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZAddCustomerNoteInput),
);

/**
 * The note form itself (react-hook-form over the action's own schema), loaded when the pointer or
 * the focus reaches the form NoteForm (note-form.tsx) shows first. It takes over from there: the
 * text typed so far, the focus and the caret, and a submit that came before it.
 */
export function NoteFormLive({ customerId, handoff }: { customerId: string; handoff: NoteHandoff }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, AddCustomerNoteInput>({
    resolver,
    defaultValues: { customerId, body: handoff.body },
  });
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
        <Button ref={submitButton} type="submit" size="sm" disabled={pending}>
          {pending ? t('customerProfile.notes.saving') : t('customerProfile.notes.save')}
        </Button>
      </div>
    </form>
  );
}
