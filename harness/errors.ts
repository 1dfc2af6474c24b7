// What a caught value says. Anything can be thrown; what the harness catches is nearly always an
// Error, and where it is not, its text stands in for the message.

/** The caught value as an Error: itself when it is one, else an Error whose message is its text. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The first line of what a caught value says: a message fit for a one-line cause. */
export const firstLineOf = (error: unknown): string => asError(error).message.split('\n')[0];
