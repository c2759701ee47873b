// The OpsTrails events API contract (shared/opstrails-api.md), in one place.

export const SEVERITIES = ['LOW', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LIMITS = {
  type: 100,
  source: 500,
  subject: 50,
  version: 50,
  id: 200,
  description: 1000,
  /** The whole event as JSON, in bytes of UTF-8. */
  payloadBytes: 10_240,
} as const;
