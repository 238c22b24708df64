/**
 * When an integrating system sends the same report again (its first answer timed out, or it never
 * recognised our id), it gets the first case back instead of a duplicate. Pure, so the rule is tested
 * as a table: same client key, same contact, same service, same text, same place, within 24 hours.
 * Identical text from different contacts is never a retry.
 */
export const RETRY_WINDOW_MS = 24 * 3600_000;

export type Filing = {
  apiKeyId: number | null;
  categoryId: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  createdAt: Date;
};

const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function isRetryOf(next: Filing, earlier: Filing): boolean {
  const age = next.createdAt.getTime() - earlier.createdAt.getTime();
  return age >= 0 && age <= RETRY_WINDOW_MS
    && next.apiKeyId === earlier.apiKeyId
    && next.categoryId === earlier.categoryId
    && next.description.trim() === earlier.description.trim()
    && next.lat === earlier.lat && next.lng === earlier.lng && same(next.address, earlier.address)
    && same(next.reporterName, earlier.reporterName) && same(next.reporterPhone, earlier.reporterPhone)
    && same(next.reporterEmail, earlier.reporterEmail);
}
