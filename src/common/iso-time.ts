// ISO 8601 times with an offset, the only form OpsTrails accepts for `time` (a bare datetime is rejected).

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * Whether text is an ISO 8601 time with offset that names a real moment: no February 30, no 24:00, no
 * +25:00, all of which Date.parse lets through. T and Z in upper case, as every reader accepts them.
 */
export function isIsoTimeWithOffset(text: string): boolean {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  const n = Number;
  const daysInMonth = new Date(Date.UTC(n(year), n(month), 0)).getUTCDate();
  return (
    n(month) >= 1 && n(month) <= 12 && n(day) >= 1 && n(day) <= daysInMonth &&
    n(hour) <= 23 && n(minute) <= 59 && n(second) <= 59 && n(offsetHours) <= 23 && n(offsetMinutes) <= 59
  );
}
