import type { MessagesShape } from './shape';
import type { homeEn } from './home.en';

/** Les tuiles « aujourd’hui au magasin » de l’accueil, en français (forme de home.en.ts). */
export const homeFr = {
  storeToday: {
    heading: 'Aujourd’hui à {store}',
    paused: 'Click & collect en pause',
    pickupOff: 'Pas de click & collect',
    allClear: 'Rien ne vous attend pour l’instant.',
    chooser: {
      none: 'Choisir un magasin',
      label: 'Magasin',
      show: 'Afficher',
      hint: 'Choisissez un magasin pour voir sa journée : à préparer, en retard, expiré, à recevoir.',
    },
    tiles: {
      toPick: {
        label: 'À préparer',
        detail:
          '{count, plural, =0 {Aucune commande à préparer} one {# commande à préparer} other {# commandes à préparer}}',
      },
      late: {
        label: 'En retard',
        detail:
          '{count, plural, =0 {Toutes les commandes sont dans les temps} one {# commande a dépassé l’heure promise} other {# commandes ont dépassé l’heure promise}}',
      },
      dueSoon: {
        label: 'Bientôt échus',
        detail:
          '{count, plural, =0 {Aucune réservation ne prend fin dans les 24 h} one {# réservation prend fin dans les 24 h} other {# réservations prennent fin dans les 24 h}}',
      },
      expiredToday: {
        label: 'Expirés aujourd’hui',
        detail:
          '{count, plural, =0 {Aucun colis expiré aujourd’hui} one {# colis non retiré à temps} other {# colis non retirés à temps}}',
      },
      transfersIn: {
        label: 'Transferts à recevoir',
        detail:
          '{count, plural, =0 {Rien en route} one {# transfert en route vers le magasin} other {# transferts en route vers le magasin}}',
      },
      lowStock: {
        label: 'Stock bas',
        detail:
          '{count, plural, =0 {Aucun SKU au seuil de réapprovisionnement} one {# SKU au seuil de réapprovisionnement ou en dessous} other {# SKU au seuil de réapprovisionnement ou en dessous}}',
      },
    },
  },
} as const satisfies MessagesShape<typeof homeEn>;
