'use client';

import { useEffect, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { toast } from '@/components/ui/toast';
import { updateCustomerContactAction } from '@/lib/next/actions/customers';
import type { UpdateCustomerContactInput, ZUpdateCustomerContactInput } from '@/lib/customers/schemas';
import { useI18n } from '@/lib/next/i18n-client';
import { conflictField, fieldErrorText } from './field-errors';

/** The form's values: tags as the one text the field shows ("vip, b2b"); the schema splits it. */
export type ContactValues = {
  customerId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  marketingEmail: boolean;
  marketingSms: boolean;
  tags: string;
};

const resolver = lazySchemaResolver<typeof ZUpdateCustomerContactInput, ContactValues>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZUpdateCustomerContactInput),
);

/**
 * Edit contact details (owners and agents): names, e-mail, phone in any format, marketing consents
 * and tags, checked in the browser by the action's own schema; the server's refusals (another
 * customer's e-mail or phone) land on their field. Loaded when its button is about to be used
 * (ContactDialog in ./dialogs.tsx), with react-hook-form and Radix's dialog.
 */
export function ContactDialogForm({ initial, trigger, defaultOpen }: LazyDialogProps & { initial: ContactValues }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(defaultOpen ?? false);
  const [pending, startTransition] = useTransition();
  const form = useForm<ContactValues, unknown, UpdateCustomerContactInput>({ resolver, defaultValues: initial });
  const { errors } = form.formState;
  useEffect(() => {
    if (open) resolver.preload();
  }, [open]);

  function send(input: UpdateCustomerContactInput) {
    startTransition(async () => {
      const result = await updateCustomerContactAction(input);
      if (!result.ok) {
        const conflict = conflictField(result);
        if (conflict) setServerErrors(form.setError, { [conflict.field]: [conflict.code] });
        else if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('customerProfile.form.saved'));
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(initial);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('customerProfile.form.title')}</DialogTitle>
          <DialogDescription>{t('customerProfile.form.description')}</DialogDescription>
        </DialogHeader>
        <form onSubmit={(event) => void form.handleSubmit(send)(event)} noValidate className="grid gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t('customerProfile.form.firstName')} error={fieldErrorText(t, errors.firstName)}>
              {(props) => <Input {...props} autoComplete="off" {...form.register('firstName')} />}
            </Field>
            <Field label={t('customerProfile.form.lastName')} error={fieldErrorText(t, errors.lastName)}>
              {(props) => <Input {...props} autoComplete="off" {...form.register('lastName')} />}
            </Field>
          </div>
          <Field label={t('customerProfile.form.email')} error={fieldErrorText(t, errors.email)}>
            {(props) => <Input {...props} type="email" autoComplete="off" {...form.register('email')} />}
          </Field>
          <Field
            label={t('customerProfile.form.phone')}
            error={fieldErrorText(t, errors.phone)}
            hint={t('customerProfile.form.phoneHint')}
          >
            {(props) => <Input {...props} type="tel" autoComplete="off" {...form.register('phone')} />}
          </Field>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t('customerProfile.form.consents')}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" {...form.register('marketingEmail')} />
              {t('customerProfile.form.marketingEmail')}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" {...form.register('marketingSms')} />
              {t('customerProfile.form.marketingSms')}
            </label>
          </fieldset>
          <Field
            label={t('customerProfile.form.tags')}
            error={fieldErrorText(t, errors.tags)}
            hint={t('customerProfile.form.tagsHint')}
          >
            {(props) => <Input {...props} autoComplete="off" {...form.register('tags')} />}
          </Field>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t('customerProfile.form.cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t('customerProfile.form.saving') : t('customerProfile.form.save')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
