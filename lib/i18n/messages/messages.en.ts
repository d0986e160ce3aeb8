/**
 * What customers are told by e-mail about their orders (components/emails, in the customer's
 * language) and the development mailbox that shows those messages (Settings → Messages): the
 * `messages` namespace, kept apart from en.ts so areas do not collide.
 */
export const messagesEn = {
  messages: {
    email: {
      greeting: 'Hello {firstName},',
      greetingNoName: 'Hello,',
      orderLine: 'Order {orderNumber}',
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
      track: 'Follow your order',
      trackHint: 'Or open this address: {url}',
      signature: 'See you soon at {store}.',
      footer: 'You receive this message because you ordered for collection in store. Please do not reply to it.',
      codeLabel: 'Your collection code',
      codeHint: 'Show this code, or its QR code, at the counter.',
      qrAlt: 'QR code of the collection code {code}',
      ready: {
        subject: 'Your order {orderNumber} is ready to collect',
        preview: 'Collection code {code}: it waits for you at {store}.',
        heading: 'Your order is ready',
        body: 'Your order {orderNumber} is waiting for you at {store}.',
        hold: 'We keep it for {days, plural, one {# day} other {# days}}, until {until}.',
      },
      reminder: {
        subject: 'Your order {orderNumber} is waiting for you',
        finalSubject: 'Last days to collect your order {orderNumber}',
        preview: 'It waits for you at {store} until {until}.',
        heading: 'Your order is still waiting for you',
        finalHeading: 'Your order will soon go back on the shelves',
        body: 'Your order {orderNumber} is ready at {store}. We keep it until {until}.',
        finalBody:
          'Your order {orderNumber} is ready at {store}. We keep it until {until}; after that it is cancelled and refunded.',
      },
      expired: {
        subject: 'Your order {orderNumber} has been cancelled',
        preview: 'It was not collected before {until}.',
        heading: 'Your order was not collected',
        body: 'Your order {orderNumber} waited for you at {store} until {until}. It has been cancelled and any payment will be refunded.',
      },
      holdExtended: {
        subject: 'We keep your order {orderNumber} longer',
        preview: 'It waits for you at {store} until {until}.',
        heading: 'More time to collect your order',
        body: 'Your order {orderNumber} now waits for you at {store} until {until}.',
      },
      rejected: {
        subject: 'Your order {orderNumber} cannot be collected at {store}',
        preview: 'We are finding another way to get it to you.',
        heading: 'Your store cannot prepare your order',
        body: '{store} cannot prepare your order {orderNumber}. We are finding another way to get it to you and will tell you how.',
        reasonLine: 'Reason: {reason}',
        reasons: {
          out_of_stock: 'an item is out of stock',
          damaged: 'an item is damaged',
          store_closed: 'the store is closed',
          other: 'the store cannot serve it',
        },
      },
      rerouted: {
        subject: 'Your order {orderNumber} will be collected elsewhere',
        preview: 'It is now prepared at {store}.',
        heading: 'Your order moves to another store',
        body: 'Your order {orderNumber} could not be prepared at {previous}. It is now prepared at {store}; we will tell you when it is ready.',
        bodyUnknown:
          'Your order {orderNumber} could not be prepared at {previous}. We are preparing it elsewhere and will tell you where and when it is ready.',
      },
    },
    mailbox: {
      title: 'Messages',
      description:
        'Every message written for customers, as rendered: delivered through SMTP, or kept here when no SMTP server is configured.',
      notSentWarning:
        'No SMTP server is configured (SMTP_URL): messages are rendered and kept here, not sent to customers.',
      empty: 'No message yet. Messages appear here when an order is ready, reminded, extended, rejected or expires.',
      tableLabel: 'Customer messages, newest first',
      columns: {
        createdAt: 'Written',
        kind: 'Message',
        recipient: 'Recipient',
        status: 'Status',
        attempts: 'Attempts',
      },
      attempts: '{count, plural, =0 {not tried} one {# attempt} other {# attempts}}',
      statuses: {
        pending: 'Pending',
        sent: 'Sent',
        kept: 'Kept here',
        failed: 'Failed',
      },
      kinds: {
        pickup: {
          ready: 'Ready to collect',
          reminder: 'Reminder',
          expired: 'Expired',
          hold_extended: 'Hold extended',
          rejected: 'Rejected by the store',
          rerouted: 'Moved to another store',
        },
        order: {
          shipped: 'Order shipped',
        },
      },
      unknownKind: 'Other ({kind})',
      open: 'Show',
      selected: 'Shown below',
      preview: 'Message {id}',
      previewFrameTitle: 'Rendered message: {subject}',
      subject: 'Subject: {subject}',
      lastError: 'Last error: {error}',
      nextAttempt: 'Next attempt: {at}',
      notRendered: 'Not rendered yet: the dispatcher renders a message when it sends or keeps it.',
      selectHint: 'Choose a message to see it as the customer does.',
      pager: 'Pages of messages',
      newest: 'Newest',
      older: 'Older',
    },
  },
  settingsNav: {
    label: 'Settings sections',
    overview: 'Overview',
    messages: 'Messages',
  },
} as const;
