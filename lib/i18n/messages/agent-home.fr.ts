import type { MessagesShape } from './shape';
import type { agentHomeEn } from './agent-home.en';

export const agentHomeFr = {
  agentHome: {
    searchTitle: 'Trouver un client',
    recentTitle: 'Profils récents',
    recentHint: 'Les derniers profils que vous avez ouverts sur ce navigateur.',
    recentEmpty: 'Les profils que vous ouvrez apparaîtront ici.',
    unnamed: 'Client sans nom',
    lastOrder: 'Dernière commande le {date}',
    noOrder: 'Aucune commande',
  },
} as const satisfies MessagesShape<typeof agentHomeEn>;
