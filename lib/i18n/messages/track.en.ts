/**
 * The customer's public tracking page (app/track/[token]): the `track` namespace, kept apart from
 * en.ts so areas do not collide. Written for customers, not staff.
 */
export const trackEn = {
  track: {
    metaTitle: 'Order {orderNumber}',
    greeting: 'Hello {firstName}',
    greetingNoName: 'Hello',
    order: 'Order {orderNumber}',
    live: 'This page updates by itself.',
    steps: {
      label: 'Progress of your order',
      placed: 'Order received',
      preparing: 'Being prepared',
      ready: 'Ready to collect',
      collected: 'Collected',
    },
    phase: {
      preparing: {
        title: 'Your order is being prepared',
        body: 'The team at {store} is getting it ready. We will tell you as soon as you can collect it.',
      },
      awaiting_transfer: {
        title: 'Your order is on its way to the store',
        body: 'Some items come from another of our locations. We will tell you as soon as you can collect it at {store}.',
      },
      ready: {
        title: 'Your order is ready to collect',
        body: 'It waits for you at {store} until {until}.',
      },
      collected: {
        title: 'Your order has been collected',
        body: 'Collected on {at}. Thank you, and see you soon at {store}.',
        bodyNoDate: 'Thank you, and see you soon at {store}.',
      },
      expired: {
        title: 'Your order was not collected in time',
        body: 'It has been cancelled and any payment will be refunded.',
      },
      cancelled: {
        title: 'Your order has been cancelled',
        body: 'The store could not serve it. You will be told by e-mail what happens next.',
      },
    },
    codeLabel: 'Your collection code',
    codeHint: 'Show this code, or its QR code, at the counter.',
    qrLabel: 'QR code of the collection code {code}',
    storeTitle: 'Where to collect it',
    hoursTitle: 'Opening hours',
    closed: 'Closed',
    hoursRange: '{from}–{to}',
    weekdays: {
      '1': 'Monday',
      '2': 'Tuesday',
      '3': 'Wednesday',
      '4': 'Thursday',
      '5': 'Friday',
      '6': 'Saturday',
      '7': 'Sunday',
    },
    notFound: {
      metaTitle: 'Link not available',
      title: 'This tracking link is not available',
      description:
        'The link may be mistyped or no longer valid. The e-mails about your order contain its link; the store can also help you.',
    },
  },
} as const;
