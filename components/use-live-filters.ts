'use client';

import { useEffect, useRef, useTransition } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';

/** A filter form's fields by name, as the browser would send them (FormData). */
export type FilterFields = Record<string, string>;

/** The fields a person sets (not the hidden ones the form carries along). */
function visibleFields(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement)[] {
  return [...form.elements].filter(
    (field): field is HTMLInputElement | HTMLSelectElement =>
      ((field instanceof HTMLInputElement && field.type !== 'hidden') || field instanceof HTMLSelectElement) &&
      field.name !== '',
  );
}

/** What a field says when it shows the URL's view. */
function urlValue(field: HTMLInputElement | HTMLSelectElement, query: URLSearchParams, defaults: FilterFields): string {
  return query.get(field.name) ?? defaults[field.name] ?? '';
}

/** What a URL's query is, whatever its encoding: the key `written` and the current URL are compared by. */
const queryKey = (query: string) => new URLSearchParams(query).toString();

/**
 * A list's filter bar: a GET form (it works without JavaScript) whose fields, with JavaScript,
 * apply as they change. `apply()` after a choice opens the new view at once, as a new history
 * entry; `apply({ typing: true })` waits for a 300 ms pause in typing and replaces the entry;
 * the form's submit (Enter) applies at once. The URL comes from the form's fields (FormData, so
 * fields outside the form through `form=` count) through `href`, the list's own serializer, and
 * the server renders the list for it in a transition (`pending` meanwhile). The fields are
 * uncontrolled (`defaultValue` from the URL); when the URL moves without them (the back button,
 * a Clear link, a tab) they are set from it.
 */
export function useLiveFilters(href: (fields: FilterFields) => string, defaults: FilterFields = {}) {
  const router = useRouter();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The queries this form navigated to that the page has not shown yet, oldest first. */
  const written = useRef<string[]>([]);
  const url = params.toString();
  const shown = useRef(url);

  useEffect(() => {
    if (url === shown.current) return;
    shown.current = url;
    const ours = written.current.indexOf(url);
    if (ours >= 0) {
      // The view this form asked for: its fields already say it (and may be ahead of it, typing).
      written.current.splice(0, ours + 1);
      return;
    }
    written.current = [];
    const form = formRef.current;
    if (!form) return;
    const current = new URLSearchParams(url);
    for (const field of visibleFields(form)) field.value = urlValue(field, current, defaults);
  }, [url, defaults]);

  // A field changed while the page was still loading (its script not yet run) is applied now: once
  // the script runs, the Apply button is hidden and the list would not follow the field.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const current = new URLSearchParams(shown.current);
    if (visibleFields(form).some((field) => field.value !== urlValue(field, current, defaults))) go({}, 'replace');
    // Once, as the form first runs with JavaScript.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  function go(patch: FilterFields, history: 'push' | 'replace') {
    const form = formRef.current;
    if (!form) return;
    const fields: FilterFields = {};
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') fields[key] = value;
    const target = href({ ...fields, ...patch });
    const key = queryKey(target.split('?')[1] ?? '');
    // Typed, then typed back: the view is the one shown, nothing to ask the server.
    if (key === shown.current && written.current.length === 0) return;
    written.current.push(key);
    startTransition(() => {
      if (history === 'push') router.push(target, { scroll: false });
      else router.replace(target, { scroll: false });
    });
  }

  /** A field changed; `patch` sets what is not a field of the form (the locations of a menu). */
  function apply({ typing = false, patch = {} }: { typing?: boolean; patch?: FilterFields } = {}) {
    clearTimeout(timer.current);
    if (typing) timer.current = setTimeout(() => go(patch, 'replace'), 300);
    else go(patch, 'push');
  }

  /** The form's onSubmit: Enter in the search applies at once, without waiting for the pause. */
  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    clearTimeout(timer.current);
    go({}, 'replace');
  }

  return { formRef, pending, apply, submit };
}
