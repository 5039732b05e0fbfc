export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

/** Receives one finished JSON line. Adapters may swap it (Azure: `context.log`). */
export type LogSink = (line: string, level: Exclude<LogLevel, 'silent'>) => void;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Whether a line at this level would be written; check it before building costly fields. */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
  /** A logger whose every line also carries `fields` (carve binds `requestId` this way). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel | undefined;
  sink?: LogSink | undefined;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const stdoutSink: LogSink = (line, level) => (level === 'error' ? console.error(line) : console.log(line));

class JsonLogger implements Logger {
  constructor(
    private readonly threshold: number,
    private readonly sink: LogSink,
    private readonly bound: LogFields,
  ) {}

  enabled(level: Exclude<LogLevel, 'silent'>): boolean {
    return RANK[level] >= this.threshold;
  }

  debug(msg: string, fields?: LogFields): void {
    if (RANK.debug >= this.threshold) this.write('debug', msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    if (RANK.info >= this.threshold) this.write('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    if (RANK.warn >= this.threshold) this.write('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    if (RANK.error >= this.threshold) this.write('error', msg, fields);
  }

  child(fields: LogFields): Logger {
    return new JsonLogger(this.threshold, this.sink, { ...this.bound, ...fields });
  }

  private write(level: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields | undefined): void {
    const line = { level, time: new Date().toISOString(), msg, ...this.bound, ...fields };
    this.sink(JSON.stringify(line, errorReplacer), level);
  }
}

/** Structured JSON logging, one line per call: `{"level","time","msg",...bound,...fields}`. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  return new JsonLogger(RANK[options.level ?? defaultLevel()], options.sink ?? stdoutSink, bound);
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
