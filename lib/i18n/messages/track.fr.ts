import type { MessagesShape } from './shape';
import type { trackEn } from './track.en';

/** La page publique de suivi du client, en français (forme de track.en.ts). */
export const trackFr = {
  track: {
    metaTitle: 'Commande {orderNumber}',
    greeting: 'Bonjour {firstName}',
    greetingNoName: 'Bonjour',
    order: 'Commande {orderNumber}',
    live: 'Cette page se met à jour toute seule.',
    steps: {
      label: 'Avancement de votre commande',
      placed: 'Commande reçue',
      preparing: 'En préparation',
      ready: 'Prête à retirer',
      collected: 'Retirée',
    },
    phase: {
      preparing: {
        title: 'Votre commande est en préparation',
        body: 'L’équipe de {store} la prépare. Nous vous prévenons dès que vous pouvez la retirer.',
      },
      awaiting_transfer: {
        title: 'Votre commande est en route vers le magasin',
        body: 'Certains articles viennent d’un autre de nos sites. Nous vous prévenons dès que vous pouvez la retirer à {store}.',
      },
      ready: {
        title: 'Votre commande est prête à être retirée',
        body: 'Elle vous attend à {store} jusqu’au {until}.',
      },
      collected: {
        title: 'Votre commande a été retirée',
        body: 'Retirée le {at}. Merci, et à bientôt à {store}.',
        bodyNoDate: 'Merci, et à bientôt à {store}.',
      },
      expired: {
        title: 'Votre commande n’a pas été retirée à temps',
        body: 'Elle a été annulée et tout paiement sera remboursé.',
      },
      cancelled: {
        title: 'Votre commande a été annulée',
        body: 'Le magasin n’a pas pu la servir. Vous serez informé par e-mail de la suite.',
      },
    },
    codeLabel: 'Votre code de retrait',
    codeHint: 'Présentez ce code, ou son QR code, au comptoir.',
    qrLabel: 'QR code du code de retrait {code}',
    storeTitle: 'Où la retirer',
    hoursTitle: 'Horaires d’ouverture',
    closed: 'Fermé',
    hoursRange: '{from}–{to}',
    weekdays: {
      '1': 'Lundi',
      '2': 'Mardi',
      '3': 'Mercredi',
      '4': 'Jeudi',
      '5': 'Vendredi',
      '6': 'Samedi',
      '7': 'Dimanche',
    },
    notFound: {
      metaTitle: 'Lien indisponible',
      title: 'Ce lien de suivi n’est pas disponible',
      description:
        'Le lien est peut-être mal recopié ou n’est plus valable. Les e-mails concernant votre commande contiennent son lien ; le magasin peut aussi vous aider.',
    },
  },
} as const satisfies MessagesShape<typeof trackEn>;
