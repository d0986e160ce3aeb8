import formatCompiled from 'use-intl/format-message/format-only';
import { compileMessage } from '@/lib/i18n/precompile';

/**
 * next-intl's message formatter on the server, in place of `use-intl/format-message`
 * (next.config.js's resolveAlias; the browser gets `format-only` itself). The browser formats the
 * compiled messages its providers receive (getClientMessages) without the ICU parser; on the server
 * the same formatter runs, so server-rendered client components and the hydrated ones write the
 * same text. The server's own messages (getI18n, getTranslations, the e-mails' createTranslator)
 * arrive as ICU strings: they are compiled here once each, then formatted the same way.
 * Outside Next.js (vitest, scripts, jobs run by tsx) nothing is aliased and use-intl parses as usual.
 */
export default function formatMessage(...[key, message, values, options]: Parameters<typeof formatCompiled>) {
  return formatCompiled(key, typeof message === 'string' ? compileMessage(message) : message, values, options);
}
formatMessage.raw = false;
