/**
 * What the note forms say, translated on the server by the section that shows them, from its own
 * area's messages (customerProfile.notes.* on a profile, orders.notes.* on an order): the notes'
 * components serve both areas, so they name no namespace themselves.
 */
export type NoteLabels = {
  /** The new note's field, its placeholder, its button and the button while it saves. */
  label: string;
  placeholder: string;
  save: string;
  saving: string;
  /** The toasts after adding and after editing. */
  added: string;
  updated: string;
  /** A note's Edit button, then its form's field and buttons. */
  edit: string;
  editLabel: string;
  update: string;
  cancel: string;
  /** A field error's text by the schema's code (browser or server); `invalid` for any other code. */
  errors: Record<string, string> & { invalid: string };
};

/** A note's field error in the user's language, or null. */
export function noteError(labels: NoteLabels, error: { message?: string } | undefined): string | null {
  if (!error) return null;
  return (error.message && labels.errors[error.message]) || labels.errors.invalid;
}
