import pino, { type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

/**
 * One JSON line per event on stdout (pino). Personal data never goes in: request logs carry the method, the path
 * without its query (follow codes and phone numbers travel in queries), status, duration and a request id.
 */
export function createLog(level: string, destination?: DestinationStream): Log {
  return pino({ level, base: { app: 'cityloop' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
