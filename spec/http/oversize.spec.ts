/**
 * Oversize requests over a real socket: what Node's HTTP parser refuses (a URL or headers over
 * http.maxHeaderSize, bytes that are not HTTP) gets the same OData JSON error as what express refuses
 * (a URL over limits.maxUrlLength), and the server goes on serving. The 413 for a large body is
 * spec/http/writes/validation.spec.ts's.
 */
import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { clientErrorFor, handleClientErrors, overflowedPart, type ClientError } from '../../server/http/client-error';
import { testApp, type TestApp } from '../helpers/test-app';
import { LEAK_MARKERS } from './helpers';

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly rawHeaders: readonly string[];
  readonly text: string;
}

interface ErrorBody {
  readonly code: string;
  readonly message: string;
}

/** An OData error: status, JSON, `OData-Version: 4.0` once, `{"error":{code,message}}` and nothing leaked. */
function expectODataError(reply: Reply, status: number, code: string): ErrorBody {
  expect(reply.status, reply.text).to.equal(status);
  expect(reply.headers['content-type']).to.match(/^application\/json/);
  const versions: string[] = [];
  for (let i = 0; i < reply.rawHeaders.length; i += 2) {
    if (reply.rawHeaders[i]?.toLowerCase() === 'odata-version') versions.push(reply.rawHeaders[i + 1] as string);
  }
  expect(versions, 'OData-Version headers').to.deep.equal(['4.0']);
  const body = JSON.parse(reply.text) as { error: ErrorBody };
  expect(Object.keys(body)).to.deep.equal(['error']);
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'target', 'details']).to.include(key);
  expect(body.error.code).to.equal(code);
  expect(body.error.message).to.be.a('string').and.not.equal('');
  for (const marker of LEAK_MARKERS) expect(reply.text.toLowerCase(), `error body contains '${marker}'`).not.to.include(marker);
  return body.error;
}

/** Splits what a raw socket received into responses (each with a Content-Length body). */
function parseReplies(received: Buffer): Reply[] {
  const replies: Reply[] = [];
  let at = 0;
  while (at < received.length) {
    const headEnd = received.indexOf('\r\n\r\n', at);
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = received.toString('latin1', at, headEnd).split('\r\n');
    const rawHeaders = lines.flatMap((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    const headers: http.IncomingHttpHeaders = {};
    for (let i = 0; i < rawHeaders.length; i += 2) headers[(rawHeaders[i] as string).toLowerCase()] = rawHeaders[i + 1];
    const length = Number(headers['content-length'] ?? 0);
    const text = received.toString('utf8', headEnd + 4, headEnd + 4 + length);
    replies.push({ status: Number(statusLine.split(' ')[1]), headers, rawHeaders, text });
    at = headEnd + 4 + length;
  }
  return replies;
}

describe('oversize requests (server/http/client-error.ts)', () => {
  let t: TestApp;
  let server: http.Server;
  let port: number;

  before(async () => {
    t = await testApp();
    server = handleClientErrors(http.createServer(t.app), { maxUrlLength: t.config.limits.maxUrlLength });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** One request with node:http on a fresh connection. */
  function get(path: string, headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, text: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Writes `chunks` on a raw socket, `gapMs` apart, and returns every response received until it closes. */
  function raw(chunks: readonly string[], gapMs = 50): Promise<Reply[]> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('close', () => resolve(parseReplies(Buffer.concat(received))));
      socket.on('error', reject);
      void (async () => {
        for (const chunk of chunks) {
          if (socket.destroyed || !socket.writable) return;
          socket.write(chunk);
          await new Promise((r) => setTimeout(r, gapMs));
        }
      })();
    });
  }

  const longUrl = (chars: number) => `/odata/Users?$filter=${encodeURIComponent(`LastName eq '${'x'.repeat(chars)}'`)}`;
  const headersBudget = `${http.maxHeaderSize / 1024} KB`;

  it('answers 414 UriTooLong with the OData error body to a 20 KB URL, as express does to a 9000-character one', async () => {
    const url = longUrl(20_000);
    expect(url.length).to.be.greaterThan(http.maxHeaderSize);
    const parser = expectODataError(await get(url, { Authorization: `Bearer ${t.tokens.admin}` }), 414, 'UriTooLong');

    const shorter = longUrl(9000);
    expect(shorter.length).to.be.greaterThan(t.config.limits.maxUrlLength).and.lessThan(http.maxHeaderSize);
    const viaExpress = expectODataError(await get(shorter, { Authorization: `Bearer ${t.tokens.admin}` }), 414, 'UriTooLong');
    expect(viaExpress.message).to.equal(`The URL is longer than ${t.config.limits.maxUrlLength} characters; narrow the query`);
    expect(parser).to.deep.equal(viaExpress);
  });

  it('answers 431 HeadersTooLarge with the OData error body to a 100 KB Authorization header', async () => {
    const error = expectODataError(await get('/odata/Users?$top=1', { Authorization: `Bearer ${'a'.repeat(100 * 1024)}` }), 431, 'HeadersTooLarge');
    expect(error.message).to.contain(headersBudget).and.to.contain('Authorization');
  });

  it('answers 431 to many headers that are too large together, and 414 to a URL over the URL limit sent with large headers', async () => {
    const many: http.OutgoingHttpHeaders = {};
    for (let i = 0; i < 40; i += 1) many[`X-Filler-${i}`] = 'f'.repeat(500);
    expectODataError(await get('/odata/Users?$top=1', many), 431, 'HeadersTooLarge');
    // 10 000 characters of URL and 8 KB of headers: the URL alone is over limits.maxUrlLength
    expectODataError(await get(longUrl(10_000), { 'X-Filler': 'f'.repeat(8 * 1024) }), 414, 'UriTooLong');
  });

  it('tells a URL from headers when the request head arrives in several pieces', async () => {
    const [url] = await raw([`GET /odata/Users?$filter=${'a'.repeat(10_000)}`, `${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expectODataError(url as Reply, 414, 'UriTooLong');
    const [headers] = await raw([`GET /odata/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(15_000)}`, `${'a'.repeat(5000)}\r\n\r\n`]);
    expectODataError(headers as Reply, 431, 'HeadersTooLarge');
  });

  it('answers the requests before an oversize one on the same connection first', async () => {
    const replies = await raw([
      `GET /odata/$metadata HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.tokens.admin}\r\n\r\n` +
        `GET ${longUrl(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]);
    expect(replies.map((r) => r.status)).to.deep.equal([200, 414]);
    expect(replies[0]?.headers['content-type']).to.match(/^application\/xml/);
    expectODataError(replies[1] as Reply, 414, 'UriTooLong');
  });

  it('answers 400 BadRequest with the OData error body to bytes that are not HTTP', async () => {
    const [reply] = await raw(['GARBAGE\r\n\r\n']);
    expectODataError(reply as Reply, 400, 'BadRequest');
    const [badLength] = await raw(['GET /odata HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n']);
    expectODataError(badLength as Reply, 400, 'BadRequest');
  });

  it('still serves normal requests after oversize ones', async () => {
    await get(longUrl(20_000));
    await get('/odata/Users?$top=1', { Authorization: `Bearer ${'a'.repeat(100 * 1024)}` });
    const reply = await get('/odata/Users?$top=1', { Authorization: `Bearer ${t.tokens.admin}` });
    expect(reply.status, reply.text).to.equal(200);
    expect((JSON.parse(reply.text) as { value: unknown[] }).value).to.have.length(1);
  });

  describe('overflowedPart', () => {
    const chunk = (text: string) => Buffer.from(text, 'latin1');
    const urlHead = `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;

    it('is the URL when the request line holds a target over the URL limit or has not ended', () => {
      expect(overflowedPart(chunk(urlHead), 20_005, 8192)).to.equal('url');
      expect(overflowedPart(chunk(`GET /${'a'.repeat(20_000)}`), 20_005, 8192)).to.equal('url');
      expect(overflowedPart(chunk(`${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 10_000, 8192)).to.equal('url');
    });

    it('is the headers when the request line is short, or ended in an earlier piece before the overflow', () => {
      expect(overflowedPart(chunk(`GET / HTTP/1.1\r\nAuthorization: Bearer ${'a'.repeat(60_000)}`), 65_536, 8192)).to.equal('headers');
      expect(overflowedPart(chunk(`${'a'.repeat(100)} HTTP/1.1\r\nX: ${'b'.repeat(20_000)}\r\n\r\n`), 20_115, 8192)).to.equal('headers');
      expect(overflowedPart(undefined, undefined, 8192)).to.equal('headers');
    });

    it('looks at the request that overflowed, not at one before it in the same piece', () => {
      const pipelined = `GET / HTTP/1.1\r\nHost: x\r\n\r\n${urlHead}`;
      expect(overflowedPart(chunk(pipelined), 27 + 20_005, 8192)).to.equal('url');
    });
  });

  describe('clientErrorFor', () => {
    const err = (code: string, extra: Partial<ClientError> = {}): ClientError => Object.assign(new Error(code), { code, ...extra });

    it('maps parser errors to OData errors, with the server\'s own header budget, and socket errors to nothing', () => {
      const headers = clientErrorFor(err('HPE_HEADER_OVERFLOW', { rawPacket: Buffer.from('GET / HTTP/1.1\r\nX: y'), bytesParsed: 20 }), 8192, 8192);
      expect([headers?.status, headers?.code, headers?.message]).to.deep.equal([431, 'HeadersTooLarge', 'The request headers are larger than 8 KB (e.g. an oversized Authorization token)']);
      // a URL can be no longer than the parser's budget, whatever limits.maxUrlLength says
      const url = clientErrorFor(err('HPE_HEADER_OVERFLOW', { rawPacket: Buffer.from(`GET /${'a'.repeat(5000)}`) }), 4096, 8192);
      expect([url?.status, url?.message]).to.deep.equal([414, 'The URL is longer than 4096 characters; narrow the query']);
      expect(clientErrorFor(err('ERR_HTTP_REQUEST_TIMEOUT'), 16384, 8192)?.status).to.equal(408);
      expect(clientErrorFor(err('HPE_CHUNK_EXTENSIONS_OVERFLOW'), 16384, 8192)?.code).to.equal('PayloadTooLarge');
      expect(clientErrorFor(err('HPE_INVALID_METHOD', { reason: 'Invalid method encountered' }), 16384, 8192)?.message).to.equal(
        'The request is not valid HTTP/1.1: Invalid method encountered',
      );
      expect(clientErrorFor(err('ECONNRESET'), 16384, 8192)).to.equal(undefined);
      expect(clientErrorFor(err('EPIPE'), 16384, 8192)).to.equal(undefined);
    });
  });
});
