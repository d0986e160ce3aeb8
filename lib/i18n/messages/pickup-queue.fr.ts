import type { MessagesShape } from './shape';
import type { pickupQueueEn } from './pickup-queue.en';

/** La file des retraits d’un magasin (/pickups), en français (forme de pickup-queue.en.ts). */
export const pickupQueueFr = {
  pickupQueue: {
    store: 'Magasin',
    show: 'Afficher',
    tabs: {
      label: 'File des retraits',
      to_pick: 'À préparer',
      awaiting_transfer: 'Transfert attendu',
      ready: 'Prêts',
      due_soon: 'Bientôt échus',
      collected_today: 'Retirés aujourd’hui',
      expired: 'Expirés',
    },
    lateCount: '{count, plural, one {# en retard} other {# en retard}}',
    empty: {
      to_pick: 'Rien à préparer. Les nouvelles commandes à retirer apparaissent ici dès leur arrivée.',
      awaiting_transfer: 'Aucun retrait n’attend de transfert.',
      ready: 'Aucun colis n’attend en rayon.',
      due_soon: 'Aucune garde ne se termine dans les 24 heures.',
      collected_today: 'Rien de retiré aujourd’hui pour l’instant.',
      expired: 'Aucun retrait expiré ces 7 derniers jours.',
    },
    capped: 'Les {count, number} premiers retraits de cet onglet sont affichés.',
    noStore: 'Aucun de vos magasins ne propose le retrait en magasin.',
    loadError: 'La file n’a pas pu être actualisée. Nouvel essai en cours.',
    card: {
      order: 'Commande {number}',
      customer: 'Client',
      noCustomer: 'Client sans nom',
      items: 'Articles',
      item: '{quantity, number} × {name} ({title})',
      placed: 'Passée il y a {age}',
      promised: 'Promise pour {time}',
      promisedIn: 'prête dans {duration}',
      lateBy: 'en retard de {duration}',
      late: 'En retard',
      holdEnds: 'Garde jusqu’au {time}',
      holdLeft: 'encore {duration}',
      holdOver: 'garde terminée',
      dueSoon: 'Bientôt échue',
      code: 'Code {code}',
      transfer: 'Transfert {number}',
      collected: 'Retirée {time}',
      expired: 'Expirée {time}',
      pick: 'Préparer',
      open: 'Voir la commande',
    },
    duration: {
      minutes: '{count, plural, one {# min} other {# min}}',
      hours: '{hours, number} h {minutes, number} min',
      days: '{count, plural, one {# jour} other {# jours}}',
    },
  },
} as const satisfies MessagesShape<typeof pickupQueueEn>;
