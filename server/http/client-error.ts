/**
 * In front of express: what Node's HTTP parser refuses before there is a request (a URL or headers over
 * http.maxHeaderSize, bytes that are not HTTP, a head that never finishes arriving) is answered on the raw
 * socket with the same OData error body as the one error renderer (render-error.ts), instead of Node's bare
 * 400/431. main.ts attaches it to the listening server; URLs over limits.maxUrlLength that do parse still
 * reach express, which answers the same 414.
 */
import { randomUUID } from 'node:crypto';
import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ODataError } from '../../odata/errors';
import { DEFAULT_LIMITS } from '../config';
import { errorBody } from './render-error';
import { firstEvent } from './first-event';

/** How long a refused connection may go on sending (read and discarded) before it is cut. */
export const LINGER_MS = 1000;

/** What Node's parser attaches to the errors it emits as 'clientError' (Node 20 docs: server 'clientError'). */
export interface ClientError extends Error {
  /** 'HPE_HEADER_OVERFLOW', 'HPE_INVALID_METHOD', …, 'ERR_HTTP_REQUEST_TIMEOUT', or a socket error ('ECONNRESET'). */
  readonly code?: string;
  /** The parser's reason without the 'Parse Error: ' prefix. */
  readonly reason?: string;
  /** The chunk being parsed when the parser stopped (not necessarily all that was received). */
  readonly rawPacket?: Buffer;
  /** Where in rawPacket the parser stopped: the end of the URL or header value that overflowed. */
  readonly bytesParsed?: number;
}

export interface ClientErrorOptions {
  readonly logger?: Logger;
  /** The express path's limit (limits.maxUrlLength): a longer URL is a 414 here as it is there. */
  readonly maxUrlLength?: number;
}

const REQUEST_LINE = /^[A-Z]+ (\S+) HTTP\/\d\.\d$/;
const REQUEST_LINE_TAIL = / HTTP\/\d\.\d$/;

/**
 * Which part of a request head overflowed the parser's budget, judged from the chunk it stopped in: the URL
 * when the request line has not ended within it, or it holds a request target longer than `urlLimit`, or the
 * parser stopped on the tail of a request line begun in an earlier chunk; the headers otherwise.
 * A chunk that lies wholly inside one long line, after the request's start, cannot be told apart: it counts
 * as the URL.
 * e.g. overflowedPart(Buffer.from(`GET /${'a'.repeat(20000)} HTTP/1.1\r\n…`), 20005, 8192) → 'url';
 *      overflowedPart(Buffer.from(`GET / HTTP/1.1\r\nAuthorization: Bearer ${'x'.repeat(60000)}`), 65536, 8192) → 'headers'
 */
export function overflowedPart(rawPacket: Buffer | undefined, bytesParsed: number | undefined, urlLimit: number): 'url' | 'headers' {
  if (!rawPacket || rawPacket.length === 0) return 'headers';
  // a pipelined request that ended earlier in the same chunk is not the one that overflowed
  const previousEnd = bytesParsed !== undefined && bytesParsed >= 4 ? rawPacket.lastIndexOf('\r\n\r\n', bytesParsed - 4) : -1;
  const from = previousEnd === -1 ? 0 : previousEnd + 4;
  const lineEnd = rawPacket.indexOf('\r\n', from);
  if (lineEnd === -1) return 'url';
  const firstLine = rawPacket.toString('latin1', from, lineEnd);
  const requestLine = REQUEST_LINE.exec(firstLine);
  if (requestLine) return (requestLine[1] ?? '').length > urlLimit ? 'url' : 'headers';
  const stoppedOnIt = bytesParsed === undefined || bytesParsed <= lineEnd;
  return REQUEST_LINE_TAIL.test(firstLine) && stoppedOnIt ? 'url' : 'headers';
}

function size(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/**
 * The OData error a parser error is answered with, or undefined for a socket error (nothing to answer).
 * e.g. clientErrorFor({ code: 'HPE_INVALID_METHOD', reason: 'Invalid method encountered' }, 16384, 8192)
 *        → ODataError BadRequest (400) 'The request is not valid HTTP/1.1: Invalid method encountered'
 */
export function clientErrorFor(err: ClientError, maxHeaderSize: number, maxUrlLength: number): ODataError | undefined {
  const code = err.code ?? '';
  if (code === 'HPE_HEADER_OVERFLOW') {
    const urlLimit = Math.min(maxUrlLength, maxHeaderSize);
    if (overflowedPart(err.rawPacket, err.bytesParsed, urlLimit) === 'url') {
      return new ODataError('UriTooLong', `The URL is longer than ${urlLimit} characters; narrow the query`);
    }
    return new ODataError(
      'HeadersTooLarge',
      `The request headers are larger than ${size(maxHeaderSize)} (e.g. an oversized Authorization token)`,
    );
  }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return new ODataError('PayloadTooLarge', 'The chunk extensions of the request body are too large');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ODataError('RequestTimeout', 'The request was not received in time');
  if (code.startsWith('HPE_')) {
    const reason = typeof err.reason === 'string' && err.reason !== '' ? err.reason : code;
    return new ODataError('BadRequest', `The request is not valid HTTP/1.1: ${reason}`);
  }
  return undefined;
}

/**
 * A complete HTTP/1.1 response carrying the OData error body, closing the connection.
 * e.g. rawResponse(new ODataError('HeadersTooLarge', '…'), 'a1b2') →
 *   'HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; charset=utf-8\r\n…\r\n\r\n{"error":{…}}'
 */
export function rawResponse(error: ODataError, requestId: string): string {
  const body = JSON.stringify(errorBody(error));
  return [
    `HTTP/1.1 ${error.status} ${http.STATUS_CODES[error.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    'OData-Version: 4.0',
    `X-Request-Id: ${requestId}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The response the server is still writing on this socket for an earlier (pipelined) request, if any. */
function pendingResponse(socket: Duplex): http.ServerResponse | undefined {
  const message = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  return message && !message.writableFinished ? message : undefined;
}

/**
 * Answers the server's parser errors with OData JSON errors (414 UriTooLong, 431 HeadersTooLarge, 408, 413,
 * 400 BadRequest); socket errors (ECONNRESET…) and unwritable sockets are destroyed. Returns the server.
 * The answer follows the responses to earlier requests on the connection and ends it; what the client still
 * sends is read and dropped for LINGER_MS, so that closing does not reset the connection before the client
 * has read the answer.
 * e.g. handleClientErrors(app.listen(3000), { logger, maxUrlLength: config.limits.maxUrlLength })
 */
export function handleClientErrors(server: Server, { logger, maxUrlLength = DEFAULT_LIMITS.maxUrlLength }: ClientErrorOptions = {}): Server {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (err: ClientError, socket: Duplex) => {
    if (answered.has(socket)) return; // the rest of a request already answered
    const maxHeaderSize = (server as Server & { maxHeaderSize?: number }).maxHeaderSize || http.maxHeaderSize;
    const error = err.code === 'ECONNRESET' ? undefined : clientErrorFor(err, maxHeaderSize, maxUrlLength);
    if (!error || !socket.writable) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const requestId = randomUUID();
    logger?.info({ requestId, status: error.status, code: error.code, parserError: err.code }, 'request refused by the HTTP parser');
    const answer = () => {
      const pending = pendingResponse(socket);
      if (pending) {
        void firstEvent(pending, ['finish', 'close']).then(answer);
        return;
      }
      if (socket.destroyed) return;
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      socket.end(rawResponse(error, requestId));
      const linger = setTimeout(() => socket.destroy(), LINGER_MS);
      linger.unref();
      socket.once('close', () => clearTimeout(linger));
    };
    answer();
  });
  return server;
}
