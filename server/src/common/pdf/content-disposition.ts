/**
 * A Content-Disposition for a download: the real (Chinese) name in RFC 5987 form, and an ASCII
 * fallback for clients that do not read `filename*`.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
