'use client';

import { useRef, useState, type ComponentType } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/next/i18n-client';

/** What the first form hands over to the live one: the text, where the focus and caret were, a submit. */
export type OrderNoteHandoff = {
  body: string;
  focus: 'body' | 'submit' | null;
  selection: [number, number] | null;
  submit: boolean;
};

type Live = ComponentType<{ orderId: string; handoff: OrderNoteHandoff }>;

/**
 * A staff note on the order. The form shows as it will be, and its code (react-hook-form and the
 * action's schema: note-form-live.tsx) loads when the pointer or the focus reaches it, then takes
 * its place with what was typed, the focus and a submit made meanwhile (as on a customer profile).
 */
export function OrderNoteForm({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const [live, setLive] = useState<{ Form: Live; handoff: OrderNoteHandoff } | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  const loading = useRef(false);
  const submitted = useRef(false);

  function load() {
    if (loading.current) return;
    loading.current = true;
    void import('./note-form-live').then(
      ({ OrderNoteFormLive }) => {
        const textarea = body.current;
        const active = document.activeElement;
        setLive({
          Form: OrderNoteFormLive,
          handoff: {
            body: textarea?.value ?? '',
            focus: active === textarea ? 'body' : active === submit.current ? 'submit' : null,
            selection: textarea ? [textarea.selectionStart, textarea.selectionEnd] : null,
            submit: submitted.current,
          },
        });
      },
      () => {
        loading.current = false;
      },
    );
  }

  if (live) return <live.Form orderId={orderId} handoff={live.handoff} />;
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
      <Field label={t('orders.notes.label')}>
        {(props) => <Textarea {...props} ref={body} name="body" rows={2} placeholder={t('orders.notes.placeholder')} />}
      </Field>
      <div>
        <Button ref={submit} type="submit" size="sm">
          {t('orders.notes.save')}
        </Button>
      </div>
    </form>
  );
}
