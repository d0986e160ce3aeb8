import { Section, Text } from '@react-email/components';
import type { StockMessageKind, StockMessagePayload } from '@/lib/messages/payload';
import { Greeting, LinkButton, StoreBlock, type TemplateProps } from './email-parts';
import { EmailShell, text } from './email-shell';

/**
 * The customer e-mails about stock alerts (lib/inventory/stock-alerts/notify-stock-alerts.ts), one
 * per outbox kind; renderStockEmail (render.tsx) picks the template.
 */
type Props = TemplateProps<StockMessagePayload>;
export type StockTemplate = { subject: (p: Props) => string; Body: (p: Props) => React.ReactElement };

/** "Pull marin — Navy / M": the product and its variant in full, as the customer chose it. */
export function itemName(m: Pick<StockMessagePayload, 'product' | 'variant'>): string {
  return m.variant ? `${m.product} — ${m.variant}` : m.product;
}

const available: StockTemplate = {
  subject: (p) =>
    p.payload.store
      ? p.t('stockAvailable.subjectStore', { item: itemName(p.payload), store: p.payload.store.name })
      : p.t('stockAvailable.subjectOnline', { item: itemName(p.payload) }),
  Body(p) {
    const { payload: m, t } = p;
    const item = itemName(m);
    const subject = available.subject(p);
    return (
      <EmailShell
        locale={p.locale}
        title={subject}
        preview={t('stockAvailable.preview')}
        heading={t('stockAvailable.heading')}
        footer={t('stockAvailable.footer')}
      >
        <Greeting t={t} firstName={m.firstName} />
        <Text style={text}>
          {m.store
            ? t('stockAvailable.bodyStore', { item, store: m.store.name })
            : t('stockAvailable.bodyOnline', { item })}
        </Text>
        <Section style={itemBox}>
          <Text style={{ ...text, fontWeight: 700, margin: 0 }}>{m.product}</Text>
          {m.variant ? <Text style={{ ...text, margin: 0 }}>{m.variant}</Text> : null}
          <Text style={{ ...text, margin: 0, fontSize: '13px', color: '#3f3f46' }}>
            {t('stockAvailable.reference', { sku: m.sku })}
          </Text>
        </Section>
        <Text style={text}>{t('stockAvailable.hurry')}</Text>
        {m.productUrl ? (
          <LinkButton
            url={m.productUrl}
            label={t('stockAvailable.link')}
            hint={t('stockAvailable.linkHint', { url: m.productUrl })}
          />
        ) : null}
        {m.store ? <StoreBlock t={t} store={m.store} title={t('stockAvailable.storeTitle')} /> : null}
      </EmailShell>
    );
  },
};

const itemBox = { backgroundColor: '#f4f4f5', borderRadius: '8px', padding: '12px 16px', margin: '12px 0' };

/** One template per stock kind: a kind added to STOCK_MESSAGE_KINDS without one does not compile. */
export const STOCK_TEMPLATES = {
  'stock.available': available,
} as const satisfies Record<StockMessageKind, StockTemplate>;
