import type { MessagesShape } from './shape';
import type { customerSearchEn } from './customer-search.en';

export const customerSearchFr = {
  customerSearch: {
    label: 'Rechercher un client',
    placeholder: 'Nom, e-mail, téléphone, numéro de commande, carte de fidélité…',
    hint: 'Tapez un nom, une partie d’e-mail, un téléphone sous toute forme ou un numéro de commande.',
    searching: 'Recherche…',
    empty: 'Aucun client ne correspond à « {query} ».',
    error: 'La recherche a échoué. Vérifiez la connexion et réessayez.',
    results: '{count, plural, =0 {Aucun client} one {# client} other {# clients}}',
    resultsLabel: 'Clients trouvés',
    unnamed: 'Client sans nom',
    lastOrder: 'Dernière commande {number}, {date}',
    noOrder: 'Aucune commande',
    exact: 'Correspondance exacte',
    reason: {
      email: 'E-mail',
      email_partial: 'Partie de l’e-mail',
      phone: 'Téléphone',
      name: 'Nom',
      order: 'Commande {number}',
      external_order: 'Commande {channel} {externalId}',
      buyer_id: 'Identifiant acheteur {value}',
      loyalty: 'Carte de fidélité {value}',
    },
    palette: {
      open: 'Rechercher un client',
      shortcut: 'Ctrl K',
      title: 'Trouver un client',
      description: 'Flèches pour choisir, Entrée pour ouvrir la fiche, Échap pour fermer.',
    },
  },
} as const satisfies MessagesShape<typeof customerSearchEn>;
