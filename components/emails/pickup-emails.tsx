import { Section, Text } from '@react-email/components';
import type { PickupMessageKind, PickupMessagePayload } from '@/lib/messages/payload';
import { formatMoney, formatStoreMoment } from './email-i18n';
import { Greeting, PickupCode, StoreBlock, TrackingLink, type TemplateProps } from './email-parts';
import { EmailShell, h2, text } from './email-shell';
import { countryName } from '@/lib/i18n/countries';

/**
 * The customer e-mails about a click-and-collect order, one per outbox kind (lib/pickups/messages.ts).
 * Each is a subject and a React Email document; renderPickupEmail (render.tsx) picks the template.
 */
type Props = TemplateProps<PickupMessagePayload>;
export type PickupTemplate = { subject: (p: Props) => string; Body: (p: Props) => React.ReactElement };

const DAY_MS = 86_400_000;

function until(p: Props): string {
  const end = p.payload.holdEndsAt ? new Date(p.payload.holdEndsAt) : p.writtenAt;
  return formatStoreMoment(end, p.locale, p.payload.store.timeZone);
}

function Shell(p: Props & { subject: string; preview: string; heading: string; children: React.ReactNode }) {
  return (
    <EmailShell locale={p.locale} title={p.subject} preview={p.preview} heading={p.heading} footer={p.t('footer')}>
      <Greeting t={p.t} firstName={p.payload.firstName} />
      {p.children}
    </EmailShell>
  );
}

const ready: PickupTemplate = {
  subject: (p) => p.t('ready.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const days = m.holdEndsAt
      ? Math.max(1, Math.round((new Date(m.holdEndsAt).getTime() - p.writtenAt.getTime()) / DAY_MS))
      : null;
    return (
      <Shell
        {...p}
        subject={ready.subject(p)}
        preview={t('ready.preview', { code: m.code ?? '', store: m.store.name })}
        heading={t('ready.heading')}
      >
        <Text style={text}>{t('ready.body', { orderNumber: m.orderNumber, store: m.store.name })}</Text>
        {m.code ? <PickupCode t={t} code={m.code} qrSrc={p.qrSrc} /> : null}
        {days !== null ? <Text style={text}>{t('ready.hold', { days, until: until(p) })}</Text> : null}
        <TrackingLink t={t} url={p.trackingUrl} />
        <StoreBlock t={t} store={m.store} />
      </Shell>
    );
  },
};

const reminder: PickupTemplate = {
  subject: (p) =>
    p.t(p.payload.final ? 'reminder.finalSubject' : 'reminder.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const args = { orderNumber: m.orderNumber, store: m.store.name, until: until(p) };
    return (
      <Shell
        {...p}
        subject={reminder.subject(p)}
        preview={t('reminder.preview', args)}
        heading={t(m.final ? 'reminder.finalHeading' : 'reminder.heading')}
      >
        <Text style={text}>{t(m.final ? 'reminder.finalBody' : 'reminder.body', args)}</Text>
        {m.code ? <PickupCode t={t} code={m.code} qrSrc={p.qrSrc} /> : null}
        <TrackingLink t={t} url={p.trackingUrl} />
        <StoreBlock t={t} store={m.store} />
      </Shell>
    );
  },
};

const expired: PickupTemplate = {
  subject: (p) => p.t('expired.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const args = { orderNumber: m.orderNumber, store: m.store.name, until: until(p) };
    return (
      <Shell {...p} subject={expired.subject(p)} preview={t('expired.preview', args)} heading={t('expired.heading')}>
        <Text style={text}>{t('expired.body', args)}</Text>
        <TrackingLink t={t} url={p.trackingUrl} />
      </Shell>
    );
  },
};

const holdExtended: PickupTemplate = {
  subject: (p) => p.t('holdExtended.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const args = { orderNumber: m.orderNumber, store: m.store.name, until: until(p) };
    return (
      <Shell
        {...p}
        subject={holdExtended.subject(p)}
        preview={t('holdExtended.preview', args)}
        heading={t('holdExtended.heading')}
      >
        <Text style={text}>{t('holdExtended.body', args)}</Text>
        {m.code ? <PickupCode t={t} code={m.code} qrSrc={p.qrSrc} /> : null}
        <TrackingLink t={t} url={p.trackingUrl} />
        <StoreBlock t={t} store={m.store} />
      </Shell>
    );
  },
};

const REASONS = ['out_of_stock', 'damaged', 'store_closed', 'other'] as const;

const rejected: PickupTemplate = {
  subject: (p) => p.t('rejected.subject', { orderNumber: p.payload.orderNumber, store: p.payload.store.name }),
  Body(p) {
    const { payload: m, t } = p;
    const reason = REASONS.find((r) => r === m.reason);
    return (
      <Shell {...p} subject={rejected.subject(p)} preview={t('rejected.preview')} heading={t('rejected.heading')}>
        <Text style={text}>{t('rejected.body', { orderNumber: m.orderNumber, store: m.store.name })}</Text>
        {reason ? (
          <Text style={text}>{t('rejected.reasonLine', { reason: t(`rejected.reasons.${reason}`) })}</Text>
        ) : null}
        <TrackingLink t={t} url={p.trackingUrl} />
      </Shell>
    );
  },
};

const rerouted: PickupTemplate = {
  subject: (p) => p.t('rerouted.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const next = m.newStore?.name ? m.newStore : null;
    return (
      <Shell
        {...p}
        subject={rerouted.subject(p)}
        preview={t('rerouted.preview', { store: next?.name ?? m.store.name })}
        heading={t('rerouted.heading')}
      >
        <Text style={text}>
          {next
            ? t('rerouted.body', { orderNumber: m.orderNumber, previous: m.store.name, store: next.name })
            : t('rerouted.bodyUnknown', { orderNumber: m.orderNumber, previous: m.store.name })}
        </Text>
        <TrackingLink t={t} url={p.trackingUrl} />
        {next ? (
          <StoreBlock
            t={t}
            store={{
              name: next.name,
              address: next.address ?? '',
              city: next.city ?? '',
              timeZone: next.timeZone ?? m.store.timeZone,
              openingHours: next.openingHours ?? {},
            }}
          />
        ) : null}
      </Shell>
    );
  },
};

const partial: PickupTemplate = {
  subject: (p) => p.t('partial.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const lines = m.lines ?? [];
    const refund =
      m.refundCents && m.refundCents > 0 && m.currency ? formatMoney(m.refundCents, m.currency, p.locale) : null;
    return (
      <Shell
        {...p}
        subject={partial.subject(p)}
        preview={t('partial.preview', { store: m.store.name })}
        heading={t('partial.heading')}
      >
        <Text style={text}>{t('partial.body', { orderNumber: m.orderNumber, store: m.store.name })}</Text>
        {lines.length > 0 ? (
          <Section style={missingBox}>
            <Text style={{ ...text, fontWeight: 700, margin: '0 0 4px' }}>{t('partial.missingTitle')}</Text>
            {lines.map((l) => (
              <Text key={l.sku} style={{ ...text, margin: '0 0 2px' }}>
                {t('partial.line', { quantity: l.quantity, name: l.name || l.sku })}
              </Text>
            ))}
          </Section>
        ) : null}
        <Text style={text}>{refund ? t('partial.refund', { amount: refund }) : t('partial.noRefund')}</Text>
        <Text style={text}>{t('partial.next')}</Text>
        <TrackingLink t={t} url={p.trackingUrl} />
        <StoreBlock t={t} store={m.store} />
      </Shell>
    );
  },
};

const shippingInstead: PickupTemplate = {
  subject: (p) => p.t('shippingInstead.subject', { orderNumber: p.payload.orderNumber }),
  Body(p) {
    const { payload: m, t } = p;
    const a = m.shippingAddress;
    // No tracking link: the pickup is closed (the page would say cancelled); the order now ships.
    return (
      <Shell
        {...p}
        subject={shippingInstead.subject(p)}
        preview={t('shippingInstead.preview')}
        heading={t('shippingInstead.heading')}
      >
        <Text style={text}>{t('shippingInstead.body', { orderNumber: m.orderNumber, store: m.store.name })}</Text>
        {a ? (
          <>
            <Text style={h2}>{t('shippingInstead.addressTitle')}</Text>
            <Text style={text}>
              {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, countryName(a.country, p.locale)]
                .filter((part): part is string => Boolean(part))
                .map((part, i) => (
                  <span key={i}>
                    {i > 0 ? <br /> : null}
                    {part}
                  </span>
                ))}
            </Text>
          </>
        ) : (
          <Text style={text}>{t('shippingInstead.noAddress')}</Text>
        )}
      </Shell>
    );
  },
};

const missingBox = { backgroundColor: '#f4f4f5', borderRadius: '8px', padding: '12px 16px', margin: '12px 0' };

/** One template per pickup kind: a kind added to PICKUP_MESSAGE_KINDS without one does not compile. */
export const PICKUP_TEMPLATES = {
  'pickup.ready': ready,
  'pickup.reminder': reminder,
  'pickup.expired': expired,
  'pickup.hold_extended': holdExtended,
  'pickup.rejected': rejected,
  'pickup.rerouted': rerouted,
  'pickup.partial': partial,
  'pickup.shipping_instead': shippingInstead,
} as const satisfies Record<PickupMessageKind, PickupTemplate>;
