/** An agent's home (components/customers/agent-home.tsx): the customer search and the profiles opened last. */
export const agentHomeEn = {
  agentHome: {
    searchTitle: 'Find a customer',
    recentTitle: 'Recent profiles',
    recentHint: 'The profiles you opened last on this browser.',
    recentEmpty: 'The profiles you open will be listed here.',
    unnamed: 'Unnamed customer',
    lastOrder: 'Last order {date}',
    noOrder: 'No order yet',
  },
} as const;
