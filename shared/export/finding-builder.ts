import type { Finding, Fix, Severity } from '../domain/finding'

/** Builds an exporter finding; `subject` is the config path of the item it is about. */
export function exportFinding(
  id: string,
  severity: Severity,
  subject: string,
  title: string,
  detail: string,
  fixes: readonly Fix[] = [],
): Finding {
  return { id, severity, subject, title, detail, fixes: [...fixes] }
}

/** Removes line breaks and control characters from user text placed in a one-line comment. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
}
