'use client';

import { useRef, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useHydrated } from '@/components/use-hydrated';
import type { NoteLabels } from './labels';
import type { NoteSubject } from './subjects';

/** What the first form hands over to the live one: the text, where the focus and caret were, a submit. */
export type NoteHandoff = {
  body: string;
  focus: 'body' | 'submit' | null;
  selection: [number, number] | null;
  submit: boolean;
};

export type NoteFormProps = {
  subject: NoteSubject;
  /** The customer's or the order's id. */
  subjectId: string;
  labels: NoteLabels;
};

type Live = ComponentType<NoteFormProps & { handoff: NoteHandoff }>;

/**
 * A staff note on a customer's profile or an order. The form shows as it will be, and its code
 * (react-hook-form, the action's schema: note-form-live.tsx) loads when the pointer or the focus
 * reaches it, then takes its place with what was typed, the focus and a submit made meanwhile, so
 * nothing the user did is lost. Its button is disabled until the page has hydrated: before, the
 * browser would send the form itself, a GET of the page with the note in its address, and the
 * note would be lost in the reload.
 */
export function NoteForm(props: NoteFormProps) {
  const { labels } = props;
  const hydrated = useHydrated();
  const [live, setLive] = useState<{ Form: Live; handoff: NoteHandoff } | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  const loading = useRef(false);
  const submitted = useRef(false);

  function load() {
    if (loading.current) return;
    loading.current = true;
    void import('./note-form-live').then(
      ({ NoteFormLive }) => {
        const textarea = body.current;
        const active = document.activeElement;
        const handoff: NoteHandoff = {
          body: textarea?.value ?? '',
          focus: active === textarea ? 'body' : active === submit.current ? 'submit' : null,
          selection: textarea ? [textarea.selectionStart, textarea.selectionEnd] : null,
          submit: submitted.current,
        };
        // The live form replaces this one in the same task as the handoff is read: rendered later,
        // a click or a keystroke in between would reach this form after its state was read, and be
        // lost (a click on 'Add the note' that does nothing).
        flushSync(() => setLive({ Form: NoteFormLive, handoff }));
      },
      () => {
        loading.current = false;
      },
    );
  }

  if (live) return <live.Form {...props} handoff={live.handoff} />;
  return (
    <form
      onPointerEnter={load}
      onFocus={load}
      onSubmit={(event) => {
        event.preventDefault();
        submitted.current = true;
        load();
      }}
      noValidate
      className="mb-4 grid gap-2 print:hidden"
    >
      <Field label={labels.label}>
        {(field) => <Textarea {...field} ref={body} name="body" rows={2} placeholder={labels.placeholder} />}
      </Field>
      <div>
        <Button ref={submit} type="submit" size="sm" disabled={!hydrated}>
          {labels.save}
        </Button>
      </div>
    </form>
  );
}
