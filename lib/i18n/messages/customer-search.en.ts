/**
 * The customer search (/customers and the command palette, Ctrl/Cmd+K): the `customerSearch`
 * namespace. The palette is in the shell, so these messages reach every page of an owner or agent.
 */
export const customerSearchEn = {
  customerSearch: {
    label: 'Search customers',
    placeholder: 'Name, e-mail, phone, order number, loyalty or buyer id…',
    hint: 'Type a name, part of an e-mail, a phone in any format or an order number.',
    searching: 'Searching…',
    empty: 'No customer matches “{query}”.',
    error: 'The search failed. Check the connection and try again.',
    results: '{count, plural, =0 {No customer} one {# customer} other {# customers}}',
    resultsLabel: 'Customers found',
    unnamed: 'Unnamed customer',
    lastOrder: 'Last order {number}, {date}',
    noOrder: 'No order yet',
    exact: 'Exact match',
    reason: {
      email: 'E-mail',
      email_partial: 'Part of the e-mail',
      phone: 'Phone',
      name: 'Name',
      order: 'Order {number}',
      external_order: '{channel} order {externalId}',
      buyer_id: 'Buyer id {value}',
      loyalty: 'Loyalty card {value}',
    },
    palette: {
      open: 'Search customers',
      shortcut: 'Ctrl K',
      title: 'Find a customer',
      description: 'Arrows to move, Enter to open the profile, Escape to close.',
    },
  },
} as const;
