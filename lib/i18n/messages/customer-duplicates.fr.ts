import type { customerDuplicatesEn } from './customer-duplicates.en';
import type { MessagesShape } from './shape';

/** Clients → Doublons, en français (forme de customer-duplicates.en.ts). */
export const customerDuplicatesFr = {
  customerDuplicates: {
    title: 'Doublons',
    description:
      'Les clients qui sont probablement une même personne, du score le plus haut au plus bas. Comparez-les, fusionnez-les ou écartez la suggestion pour de bon.',
    link: 'Doublons probables',
    tableLabel: 'Clients probablement en double',
    empty: 'Aucun doublon probable à examiner.',
    count: '{count, plural, =0 {Aucune suggestion} one {# suggestion} other {# suggestions}}',
    pagination: { label: 'Pages de doublons', first: 'Scores les plus hauts', next: 'Page suivante' },
    columns: { score: 'Score', customers: 'Clients', reasons: 'Pourquoi', actions: 'Actions' },
    reasons: {
      buyer_id: 'Même identifiant acheteur de la marketplace',
      email: 'Même e-mail',
      phone: 'Même téléphone',
      name_address: 'Nom proche, même adresse',
      name_city: 'Nom proche, même ville',
    },
    unnamed: 'Sans nom',
    compare: 'Comparer',
    back: 'Tous les doublons',
    compareTitle: 'Comparer deux clients',
    compareDescription: 'Côte à côte : choisissez le profil qui reste et la valeur de chaque champ qu’il garde.',
    fields: {
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'E-mail',
      phone: 'Téléphone',
      locale: 'Langue',
      city: 'Ville',
      orders: 'Commandes',
      lifetimeValue: 'Valeur client',
      lastOrder: 'Dernière commande',
      since: 'Client depuis',
      identities: 'Identités',
    },
    none: '—',
    status: { open: 'Ouverte', dismissed: 'Écartée', merged: 'Fusionnée' },
    dismiss: {
      button: 'Écarter',
      title: 'Écarter cette suggestion ?',
      description: '{a} et {b} ne seront plus proposés comme doublons, quelles que soient les commandes à venir.',
      confirm: 'Écarter pour de bon',
      pending: 'En cours…',
      done: 'Suggestion écartée.',
    },
    merge: {
      button: 'Fusionner…',
      title: 'Fusionner ces clients',
      description:
        'Commandes, identités, notes et points de fidélité passent au profil qui reste ; l’autre redirige vers lui. La fusion peut être annulée depuis le profil qui reste.',
      survivor: 'Profil qui reste',
      keep: 'Valeur gardée pour {field}',
      confirm: 'Fusionner',
      pending: 'Fusion…',
      done: 'Clients fusionnés.',
    },
    undo: {
      button: 'Annuler la fusion',
      title: 'Annuler la fusion ?',
      description:
        'Ce que la fusion avec {name} a déplacé retourne à ce profil, et les champs remplacés reprennent leur valeur.',
      confirm: 'Annuler la fusion',
      pending: 'Annulation…',
      done: 'Fusion annulée.',
      banner: 'Fusionné avec {name} le {date}.',
    },
  },
} as const satisfies MessagesShape<typeof customerDuplicatesEn>;
