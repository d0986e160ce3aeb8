'use client';

import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/next/i18n-client';

// The editing form (react-hook-form) loads when the pointer or the focus reaches an Edit button.
const loadForm = () => import('./note-edit-form');
const NoteEditForm = lazy(() => loadForm().then((m) => ({ default: m.OrderNoteEditForm })));
const preload = () => void loadForm();

/** A note as its author sees it: the text, and an Edit button that turns it into a form in place. */
export function EditableOrderNote({ noteId, body }: { noteId: string; body: string }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const note = (
    <div className="flex items-start justify-between gap-3">
      <p className="whitespace-pre-wrap text-sm">{body}</p>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="print:hidden"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setEditing(true)}
      >
        {t('orders.notes.edit')}
      </Button>
    </div>
  );
  if (!editing) return note;
  return (
    <Suspense fallback={note}>
      <NoteEditForm noteId={noteId} body={body} close={() => setEditing(false)} />
    </Suspense>
  );
}
