/** An error's message without its final period, for quoting inside a sentence. */
export function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err && typeof err.message === 'string' ? err.message.replace(/\.$/, '') : String(e);
}
