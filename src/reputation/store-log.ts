/** The slice of a pino logger the stores use, so a store can log without owning a logger. */
export interface StoreLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Used when no logger is given: the line must still be loud, so it goes to stderr. */
export const stderrStoreLog: StoreLog = {
  info(fields, message) {
    process.stderr.write(`${JSON.stringify({ level: 'info', ...fields, msg: message })}\n`);
  },
  error(fields, message) {
    process.stderr.write(`${JSON.stringify({ level: 'error', ...fields, msg: message })}\n`);
  },
};
