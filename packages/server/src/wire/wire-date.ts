/**
 * Dates on the wire (contract §1): `YYYY-MM-DD HH:MM:SS` in the configured display time
 * zone. The store keeps UTC instants as ISO text; only the transport renders them.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Renders an ISO instant in `timeZone` (an IANA name):
 * `formatWireDate('2024-03-01T21:05:09.120Z', 'Europe/Moscow')` is `"2024-03-02 00:05:09"`.
 * Seconds are truncated, never rounded up.
 */
export function formatWireDate(isoInstant: string, timeZone: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO instant: ${isoInstant}`);

  const parts = formatterFor(timeZone).formatToParts(instant);
  const values = new Map(parts.map((p) => [p.type, p.value]));
  const part = (type: Intl.DateTimeFormatPartTypes): string => values.get(type) ?? '';

  const day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  return `${day} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** A nullable instant: null stays null (`complete_date` before completion). */
export function formatWireDateOrNull(isoInstant: string | null, timeZone: string): string | null {
  return isoInstant === null ? null : formatWireDate(isoInstant, timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // hourCycle h23 writes midnight as 00, where `hour12: false` can write 24.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
