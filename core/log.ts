export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

/** Receives one finished JSON line. Adapters may swap it (Azure: `context.log`). */
export type LogSink = (line: string, level: Exclude<LogLevel, 'silent'>) => void;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line also carries `fields` (carve binds `requestId` this way). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  sink?: LogSink;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const stdoutSink: LogSink = (line, level) => (level === 'error' ? console.error(line) : console.log(line));

/** Structured JSON logging, one line per call: `{"level","time","msg",...bound,...fields}`. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const threshold = RANK[options.level ?? defaultLevel()];
  const sink = options.sink ?? stdoutSink;
  const write = (level: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const line = { level, time: new Date().toISOString(), msg, ...bound, ...fields };
    sink(JSON.stringify(line, errorReplacer), level);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

function defaultLevel(): LogLevel {
  const env = globalThis.process?.env?.['CARVE_LOG_LEVEL'];
  return env && env in RANK ? (env as LogLevel) : 'info';
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const out: LogFields = { name: value.name, message: value.message, stack: value.stack };
    if (value.cause !== undefined) out['cause'] = value.cause;
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
