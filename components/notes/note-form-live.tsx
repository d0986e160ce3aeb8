'use client';

import { useEffect, useRef, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { actionErrorMessage } from '@/components/action-result';
import { setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useI18n } from '@/lib/next/i18n-client';
import { noteError } from './labels';
import type { NoteFormProps, NoteHandoff } from './note-form';
import { NOTE_SUBJECTS, type NoteValues } from './subjects';

/**
 * The note form itself (react-hook-form over the subject's add action's own schema), loaded when
 * the pointer or the focus reaches the form NoteForm (note-form.tsx) shows first. It takes over
 * from there: the text typed so far, the focus and the caret, and a submit that came before it.
 */
export function NoteFormLive({ subject, subjectId, labels, handoff }: NoteFormProps & { handoff: NoteHandoff }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { values, add } = NOTE_SUBJECTS[subject];
  const form = useForm<NoteValues, unknown, NoteValues>({
    resolver: add.resolver,
    defaultValues: values(subjectId, handoff.body),
  });
  useEffect(() => add.resolver.preload(), [add]);

  function send(input: NoteValues) {
    startTransition(async () => {
      const result = await add.send(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(labels.added);
      form.reset(values(subjectId, ''));
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
      <Field label={labels.label} error={noteError(labels, form.formState.errors.body)}>
        {(props) => <Textarea {...props} rows={2} placeholder={labels.placeholder} {...form.register('body')} />}
      </Field>
      <div>
        <Button ref={submitButton} type="submit" size="sm" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </Button>
      </div>
    </form>
  );
}
