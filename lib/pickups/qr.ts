import QRCode from 'qrcode';

/**
 * A QR code as an SVG document, drawn on the server (pages inline it, messages embed it): dark
 * modules on white with a one-module quiet zone, error correction M (a phone reads it from a
 * creased print-out or a cracked screen). `label` is what a screen reader says instead
 * (role img + title), e.g. "QR code of pickup code 123 456". Deterministic for a given text.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const title = escapeXml(label);
  return svg
    .replace('<svg ', `<svg role="img" aria-label="${title}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${title}</title>`);
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
