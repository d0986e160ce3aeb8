import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/config';

/**
 * The frame of every customer e-mail: the language on <html>, the inbox preview line, a heading,
 * the message and a footer. Inline styles only (mail clients drop <style> and classes); colours
 * keep a contrast of at least 4.5:1 for the text.
 */
export function EmailShell(props: {
  locale: Locale;
  title: string;
  preview: string;
  heading: string;
  footer: string;
  children: ReactNode;
}) {
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.title}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={h1}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={hr} />
          <Section>
            <Text style={footer}>{props.footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

const body = {
  backgroundColor: '#f4f4f5',
  color: '#18181b',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  margin: 0,
  padding: '24px 0',
};
const container = { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', padding: '32px' };
const h1 = { fontSize: '22px', lineHeight: '30px', fontWeight: 700, margin: '0 0 16px' };
const hr = { borderColor: '#e4e4e7', margin: '24px 0 16px' };
const footer = { color: '#52525b', fontSize: '12px', lineHeight: '18px', margin: 0 };

export const text = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
export const h2 = { fontSize: '16px', lineHeight: '24px', fontWeight: 700, margin: '20px 0 8px' };
