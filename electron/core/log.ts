/** A named logger per module. Quiet under tests unless QM_LOG is set. */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export function createLogger(name: string): Logger {
  const quiet = process.env.VITEST !== undefined && process.env.QM_LOG === undefined;
  const write = (level: string, message: string, rest: unknown[]) => {
    if (quiet && level !== 'error') return;
    console.error(`[${level}] ${name}: ${message}`, ...rest);
  };
  return {
    info: (m, ...r) => write('info', m, r),
    warn: (m, ...r) => write('warn', m, r),
    error: (m, ...r) => write('error', m, r),
  };
}
