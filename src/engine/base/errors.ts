/**
 * An internal invariant failed: a bug in kamsim, never a problem with the user's config.
 * Kept apart from diagnostics so that tests and the UI can tell the two apart.
 */
export class InternalError extends Error {
  override name = "InternalError";
}
