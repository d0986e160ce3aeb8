/**
 * The profile's Privacy section (components/customers/privacy-section.tsx): export one customer's
 * data, and erase it (owners only). Translated on the server and given to the dialog as text.
 */
export const customerPrivacyEn = {
  customerPrivacy: {
    title: 'Privacy',
    description: 'The customer’s right of access and right to erasure.',
    export: 'Export data (JSON)',
    exportHint: 'Profile, identities, orders, messages, notes and loyalty, as one file.',
    erase: 'Erase personal data',
    eraseHint:
      'Names, contact details, identities, addresses and notes are removed. Orders and totals stay for accounting, with the country and the first two characters of the postcode.',
    erasedOn: 'Personal data erased on {date}.',
    dialog: {
      title: 'Erase this customer’s personal data?',
      description:
        'This cannot be undone. Orders and totals stay for accounting; nothing else identifies the customer afterwards.',
      label: 'Type the customer’s e-mail or ERASE to confirm',
      labelNoEmail: 'Type ERASE to confirm',
      submit: 'Erase',
      pending: 'Erasing…',
      done: 'The customer’s personal data was erased.',
    },
    errors: {
      required: 'Type the confirmation.',
      too_long: 'This is too long.',
      mismatch: 'This is neither the customer’s e-mail nor ERASE.',
    },
  },
} as const;
