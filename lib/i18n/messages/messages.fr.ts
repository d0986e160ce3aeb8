import type { MessagesShape } from './shape';
import type { messagesEn } from './messages.en';

/** Messages aux clients et boîte de développement, en français (forme de messages.en.ts). */
export const messagesFr = {
  messages: {
    email: {
      greeting: 'Bonjour {firstName},',
      greetingNoName: 'Bonjour,',
      orderLine: 'Commande {orderNumber}',
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
      track: 'Suivre ma commande',
      trackHint: 'Ou ouvrez cette adresse : {url}',
      signature: 'À bientôt à {store}.',
      footer:
        'Vous recevez ce message parce que vous avez commandé avec retrait en magasin. Merci de ne pas y répondre.',
      codeLabel: 'Votre code de retrait',
      codeHint: 'Présentez ce code, ou son QR code, au comptoir.',
      qrAlt: 'QR code du code de retrait {code}',
      ready: {
        subject: 'Votre commande {orderNumber} est prête à être retirée',
        preview: 'Code de retrait {code} : elle vous attend à {store}.',
        heading: 'Votre commande est prête',
        body: 'Votre commande {orderNumber} vous attend à {store}.',
        hold: 'Nous la gardons {days, plural, one {# jour} other {# jours}}, jusqu’au {until}.',
      },
      reminder: {
        subject: 'Votre commande {orderNumber} vous attend',
        finalSubject: 'Derniers jours pour retirer votre commande {orderNumber}',
        preview: 'Elle vous attend à {store} jusqu’au {until}.',
        heading: 'Votre commande vous attend toujours',
        finalHeading: 'Votre commande va bientôt retourner en rayon',
        body: 'Votre commande {orderNumber} est prête à {store}. Nous la gardons jusqu’au {until}.',
        finalBody:
          'Votre commande {orderNumber} est prête à {store}. Nous la gardons jusqu’au {until} ; ensuite elle sera annulée et remboursée.',
      },
      expired: {
        subject: 'Votre commande {orderNumber} a été annulée',
        preview: 'Elle n’a pas été retirée avant le {until}.',
        heading: 'Votre commande n’a pas été retirée',
        body: 'Votre commande {orderNumber} vous a attendu à {store} jusqu’au {until}. Elle a été annulée et tout paiement sera remboursé.',
      },
      holdExtended: {
        subject: 'Nous gardons votre commande {orderNumber} plus longtemps',
        preview: 'Elle vous attend à {store} jusqu’au {until}.',
        heading: 'Plus de temps pour retirer votre commande',
        body: 'Votre commande {orderNumber} vous attend désormais à {store} jusqu’au {until}.',
      },
      rejected: {
        subject: 'Votre commande {orderNumber} ne peut pas être retirée à {store}',
        preview: 'Nous cherchons un autre moyen de vous la faire parvenir.',
        heading: 'Votre magasin ne peut pas préparer votre commande',
        body: '{store} ne peut pas préparer votre commande {orderNumber}. Nous cherchons un autre moyen de vous la faire parvenir et vous dirons lequel.',
        reasonLine: 'Raison : {reason}',
        reasons: {
          out_of_stock: 'un article est en rupture de stock',
          damaged: 'un article est abîmé',
          store_closed: 'le magasin est fermé',
          other: 'le magasin ne peut pas la servir',
        },
      },
      rerouted: {
        subject: 'Votre commande {orderNumber} sera retirée ailleurs',
        preview: 'Elle est maintenant préparée à {store}.',
        heading: 'Votre commande change de magasin',
        body: 'Votre commande {orderNumber} n’a pas pu être préparée à {previous}. Elle est maintenant préparée à {store} ; nous vous dirons quand elle sera prête.',
        bodyUnknown:
          'Votre commande {orderNumber} n’a pas pu être préparée à {previous}. Nous la préparons ailleurs et vous dirons où et quand elle sera prête.',
      },
    },
    mailbox: {
      title: 'Messages',
      description:
        'Chaque message écrit aux clients, tel qu’il a été rendu : envoyé par SMTP, ou gardé ici quand aucun serveur SMTP n’est configuré.',
      notSentWarning:
        'Aucun serveur SMTP n’est configuré (SMTP_URL) : les messages sont rendus et gardés ici, pas envoyés aux clients.',
      empty:
        'Aucun message pour l’instant. Ils apparaissent ici quand une commande est prête, rappelée, prolongée, refusée ou expirée.',
      tableLabel: 'Messages aux clients, du plus récent au plus ancien',
      columns: {
        createdAt: 'Écrit le',
        kind: 'Message',
        recipient: 'Destinataire',
        status: 'Statut',
        attempts: 'Tentatives',
      },
      attempts: '{count, plural, =0 {pas encore tenté} one {# tentative} other {# tentatives}}',
      statuses: {
        pending: 'En attente',
        sent: 'Envoyé',
        kept: 'Gardé ici',
        failed: 'Échec',
      },
      kinds: {
        pickup: {
          ready: 'Prête à retirer',
          reminder: 'Rappel',
          expired: 'Expirée',
          hold_extended: 'Garde prolongée',
          rejected: 'Refusée par le magasin',
          rerouted: 'Envoyée à un autre magasin',
        },
        order: {
          shipped: 'Commande expédiée',
        },
      },
      unknownKind: 'Autre ({kind})',
      open: 'Afficher',
      selected: 'Affiché ci-dessous',
      preview: 'Message {id}',
      previewFrameTitle: 'Message rendu : {subject}',
      subject: 'Objet : {subject}',
      lastError: 'Dernière erreur : {error}',
      nextAttempt: 'Prochaine tentative : {at}',
      notRendered: 'Pas encore rendu : le répartiteur rend un message quand il l’envoie ou le garde.',
      selectHint: 'Choisissez un message pour le voir comme le client.',
      pager: 'Pages de messages',
      newest: 'Plus récents',
      older: 'Plus anciens',
    },
  },
  settingsNav: {
    label: 'Sections des réglages',
    overview: 'Vue d’ensemble',
    messages: 'Messages',
  },
} as const satisfies MessagesShape<typeof messagesEn>;
