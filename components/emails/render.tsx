import { render } from '@react-email/render';
import type { Locale } from '@/lib/i18n/config';
import type {
  PickupMessageKind,
  PickupMessagePayload,
  StockMessageKind,
  StockMessagePayload,
} from '@/lib/messages/payload';
import { emailTranslator } from './email-i18n';
import { PICKUP_TEMPLATES } from './pickup-emails';
import { STOCK_TEMPLATES } from './stock-emails';

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * One customer e-mail as sent: subject, HTML and its plain-text twin (for clients that show no
 * HTML, and for spam filters). Called by lib/messages/render.ts, the one file outside the React
 * layers allowed to (.dependency-cruiser.cjs: messages-render-uses-emails), with a payload it has
 * already checked and the language it has chosen.
 */
export async function renderPickupEmail(input: {
  kind: PickupMessageKind;
  locale: Locale;
  payload: PickupMessagePayload;
  writtenAt: Date;
  trackingUrl: string | null;
  qrSrc?: string | null;
}): Promise<RenderedEmail> {
  const template = PICKUP_TEMPLATES[input.kind];
  const props = { ...input, t: emailTranslator(input.locale) };
  const element = <template.Body {...props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}

/** A stock alert's e-mail (STOCK_TEMPLATES), as renderPickupEmail for pickups. */
export async function renderStockEmail(input: {
  kind: StockMessageKind;
  locale: Locale;
  payload: StockMessagePayload;
  writtenAt: Date;
}): Promise<RenderedEmail> {
  const template = STOCK_TEMPLATES[input.kind];
  const props = { ...input, trackingUrl: null, t: emailTranslator(input.locale) };
  const element = <template.Body {...props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}
