'use client';

import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { NoteLabels } from './labels';
import type { NoteSubject } from './subjects';

// The editing form (react-hook-form) loads when the pointer or the focus reaches an Edit button.
const loadForm = () => import('./note-edit-form');
const NoteEditForm = lazy(() => loadForm().then((m) => ({ default: m.NoteEditForm })));
const preload = () => void loadForm();

export type EditableNoteProps = { subject: NoteSubject; noteId: string; body: string; labels: NoteLabels };

/** A note as its author sees it: the text, and an Edit button that turns it into a form in place. */
export function EditableNote(props: EditableNoteProps) {
  const [editing, setEditing] = useState(false);

  const note = (
    <div className="flex items-start justify-between gap-3">
      <p className="whitespace-pre-wrap text-sm">{props.body}</p>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="print:hidden"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setEditing(true)}
      >
        {props.labels.edit}
      </Button>
    </div>
  );
  if (!editing) return note;
  return (
    <Suspense fallback={note}>
      <NoteEditForm {...props} close={() => setEditing(false)} />
    </Suspense>
  );
}
