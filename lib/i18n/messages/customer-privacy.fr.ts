import type { MessagesShape } from './shape';
import type { customerPrivacyEn } from './customer-privacy.en';

export const customerPrivacyFr = {
  customerPrivacy: {
    title: 'Données personnelles',
    description: 'Le droit d’accès et le droit à l’effacement du client.',
    export: 'Exporter les données (JSON)',
    exportHint: 'Profil, identités, commandes, messages, notes et fidélité, en un fichier.',
    erase: 'Effacer les données personnelles',
    eraseHint:
      'Noms, coordonnées, identités, adresses et notes sont supprimés. Les commandes et leurs montants restent pour la comptabilité, avec le pays et les deux premiers caractères du code postal.',
    erasedOn: 'Données personnelles effacées le {date}.',
    dialog: {
      title: 'Effacer les données personnelles de ce client ?',
      description:
        'C’est irréversible. Les commandes et leurs montants restent pour la comptabilité ; plus rien n’identifie le client ensuite.',
      label: 'Tapez l’e-mail du client ou EFFACER pour confirmer',
      labelNoEmail: 'Tapez EFFACER pour confirmer',
      submit: 'Effacer',
      pending: 'Effacement…',
      done: 'Les données personnelles du client ont été effacées.',
    },
    errors: {
      required: 'Tapez la confirmation.',
      too_long: 'C’est trop long.',
      mismatch: 'Ce n’est ni l’e-mail du client ni EFFACER.',
    },
  },
} as const satisfies MessagesShape<typeof customerPrivacyEn>;
