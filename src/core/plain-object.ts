/** A JSON-style object: not null, not an array. What parsed config, settings and payloads must be before their keys are read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
