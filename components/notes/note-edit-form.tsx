'use client';

import { useEffect, useTransition } from 'react';
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
import type { EditableNoteProps } from './note-edit';
import { NOTE_SUBJECTS, type NoteValues } from './subjects';

/**
 * A note's text as a form, in place of the note (EditableNote in note-edit.tsx), loaded with
 * react-hook-form when its Edit button is about to be used. `close` goes back to the note.
 */
export function NoteEditForm({ subject, noteId, body, labels, close }: EditableNoteProps & { close: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { edit } = NOTE_SUBJECTS[subject];
  const form = useForm<NoteValues, unknown, NoteValues>({ resolver: edit.resolver, defaultValues: { noteId, body } });
  useEffect(() => edit.resolver.preload(), [edit]);

  function send(input: NoteValues) {
    startTransition(async () => {
      const result = await edit.send(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(labels.updated);
      close();
      router.refresh();
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} noValidate className="grid gap-2">
      <Field label={labels.editLabel} error={noteError(labels, form.formState.errors.body)}>
        {(props) => <Textarea {...props} rows={3} autoFocus {...form.register('body')} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? labels.saving : labels.update}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={close}>
          {labels.cancel}
        </Button>
      </div>
    </form>
  );
}
