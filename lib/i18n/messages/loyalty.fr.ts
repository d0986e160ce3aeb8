import type { MessagesShape } from './shape';
import type { loyaltyEn } from './loyalty.en';

export const loyaltyFr = {
  loyalty: {
    title: 'Points de fidélité',
    description: 'Un point par euro entier payé, gagné quand une commande est expédiée, retirée ou vendue en caisse.',
    balance: 'Solde',
    points: '{points, plural, one {# point} other {# points}}',
    empty: 'Pas encore de points : le client en gagnera à sa prochaine commande honorée.',
    tableLabel: 'Mouvements de points, du plus récent au plus ancien',
    more: 'Les {count, number} derniers mouvements.',
    columns: { at: 'Quand', kind: 'Mouvement', points: 'Points', detail: 'Détail' },
    kind: { earn: 'Gagnés', reverse: 'Repris', redeem: 'Utilisés', adjust: 'Ajustés' },
    by: 'par {name}',
    change: {
      open: 'Utiliser ou ajuster des points',
      erased: 'Données personnelles effacées : les points ne peuvent plus être utilisés ni ajustés.',
      title: 'Utiliser ou ajuster des points',
      description:
        'Solde actuel : {balance, plural, one {# point} other {# points}}. Chaque changement garde son motif.',
      kind: 'Changement',
      redeem: 'Utiliser (dépenser des points)',
      adjust: 'Ajuster (ajouter, ou retirer avec un signe moins)',
      points: 'Points',
      reason: 'Motif',
      submit: 'Enregistrer',
      saving: 'Enregistrement…',
      success: 'Enregistré. Le solde est maintenant de {balance, plural, one {# point} other {# points}}.',
      insufficient: 'Pas assez de points : le solde est de {balance, plural, one {# point} other {# points}}.',
      errors: {
        points_not_a_number: 'Saisissez un nombre entier de points.',
        points_whole: 'Saisissez un nombre entier de points.',
        points_too_large: 'Au plus 1 000 000 points à la fois.',
        points_positive: 'Saisissez le nombre de points dépensés (plus de 0).',
        points_not_zero: 'Un ajustement ne peut pas être 0.',
        reason_required: 'Indiquez pourquoi.',
        reason_too_long: '500 caractères au plus.',
      },
    },
  },
} as const satisfies MessagesShape<typeof loyaltyEn>;
