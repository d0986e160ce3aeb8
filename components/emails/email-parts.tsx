import { Button, Column, Img, Row, Section, Text } from '@react-email/components';
import type { Locale } from '@/lib/i18n/config';
import { storeAddressLines, type StoreInMessage } from '@/lib/messages/payload';
import { h2, text } from './email-shell';
import type { EmailTranslate } from './email-i18n';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** "Hello Claire," or "Hello," when the order had no first name. */
export function Greeting({ t, firstName }: { t: EmailTranslate; firstName?: string | null }) {
  return <Text style={text}>{firstName ? t('greeting', { firstName }) : t('greetingNoName')}</Text>;
}

/** The collection code, large and spaced for reading aloud, with its QR code when there is one. */
export function PickupCode({ t, code, qrSrc }: { t: EmailTranslate; code: string; qrSrc?: string | null }) {
  const spoken = code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
  return (
    <Section style={codeBox}>
      <Text style={codeLabel}>{t('codeLabel')}</Text>
      <Text style={codeStyle}>{spoken}</Text>
      {qrSrc ? (
        <Img src={qrSrc} width="160" height="160" alt={t('qrAlt', { code: spoken })} style={{ margin: '8px auto' }} />
      ) : null}
      <Text style={codeHint}>{t('codeHint')}</Text>
    </Section>
  );
}

/** The store's address and its week of opening hours (in its own time, as written on its door). */
export function StoreBlock({ t, store, title }: { t: EmailTranslate; store: StoreInMessage; title?: string }) {
  const address = storeAddressLines(store).join(', ');
  return (
    <Section>
      <Text style={h2}>{title ?? t('storeTitle')}</Text>
      <Text style={text}>
        <strong>{store.name}</strong>
        {address ? (
          <>
            <br />
            {address}
          </>
        ) : null}
      </Text>
      {Object.keys(store.openingHours).length > 0 ? (
        <>
          <Text style={h2}>{t('hoursTitle')}</Text>
          {WEEKDAYS.map((day) => {
            const ranges = store.openingHours[day] ?? [];
            return (
              <Row key={day}>
                <Column style={dayCell}>{t(`weekdays.${day}`)}</Column>
                <Column style={hoursCell}>
                  {ranges.length === 0
                    ? t('closed')
                    : ranges.map(([from, to]) => t('hoursRange', { from, to })).join(', ')}
                </Column>
              </Row>
            );
          })}
        </>
      ) : null}
    </Section>
  );
}

/** The tracking page's link, as a button and as a plain address (some clients hide buttons). */
export function TrackingLink({ t, url }: { t: EmailTranslate; url: string | null }) {
  if (!url) return null;
  return <LinkButton url={url} label={t('track')} hint={t('trackHint', { url })} />;
}

/** A link as a button and as a plain address under it (some clients hide buttons). */
export function LinkButton({ url, label, hint }: { url: string; label: string; hint: string }) {
  return (
    <Section style={{ margin: '20px 0' }}>
      <Button href={url} style={button}>
        {label}
      </Button>
      <Text style={{ ...text, fontSize: '13px', color: '#52525b', marginTop: '8px' }}>{hint}</Text>
    </Section>
  );
}

export type TemplateProps<P> = {
  locale: Locale;
  t: EmailTranslate;
  payload: P;
  /** When the message was written (the ready message counts the hold's days from it). */
  writtenAt: Date;
  trackingUrl: string | null;
  qrSrc?: string | null;
};

const codeBox = {
  backgroundColor: '#f4f4f5',
  borderRadius: '8px',
  padding: '16px',
  margin: '16px 0',
  textAlign: 'center' as const,
};
const codeLabel = { fontSize: '13px', color: '#3f3f46', margin: 0, textTransform: 'uppercase' as const };
const codeStyle = {
  fontSize: '36px',
  lineHeight: '44px',
  fontWeight: 700,
  letterSpacing: '4px',
  margin: '4px 0',
  fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
};
const codeHint = { fontSize: '13px', color: '#3f3f46', margin: 0 };
const dayCell = { fontSize: '14px', lineHeight: '20px', width: '40%', padding: '2px 0' };
const hoursCell = { fontSize: '14px', lineHeight: '20px', padding: '2px 0' };
const button = {
  backgroundColor: '#18181b',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '15px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};
