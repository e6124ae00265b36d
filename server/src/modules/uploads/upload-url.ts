/**
 * The URL of a photo as POST /uploads returns it: /uploads/YYYY/MM/<uuid>.jpg (or .thumb.jpg). A field
 * that takes a photo URL accepts only this shape, so no outside address (a tracking pixel, another
 * site's image) is ever shown to residents.
 */
export const UPLOAD_URL =
  /^\/uploads\/\d{4}\/\d{2}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.thumb)?\.jpg$/;

/** The upload id in such a URL, or null when the URL is not one of ours. */
export function uploadIdOf(url: string): string | null {
  return UPLOAD_URL.exec(url)?.[1] ?? null;
}
