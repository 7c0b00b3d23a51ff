/**
 * A local stand-in for an identity provider, for the OIDC specs (spec/server/auth/oidc.spec.ts): an HTTP
 * server on 127.0.0.1 (port 0) serving `/.well-known/openid-configuration` and `/jwks` with keys made by
 * jose, signing tokens with them, rotating them, and counting the fetches (to assert jose's cooldown).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export type SigningAlgorithm = 'RS256' | 'ES256';

export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface SignOptions {
  /** The key to sign with (default: the newest published key). */
  readonly key?: SigningKey;
  /** Header fields to add or override (kid, crit…). */
  readonly header?: Record<string, unknown>;
  /** Seconds from now the token expires (default 600); `null` leaves exp out. */
  readonly expiresIn?: number | null;
}

export interface JwksServer {
  /** `http://127.0.0.1:<port>`: the issuer, whose discovery document lives below it. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** How many times each document was fetched. */
  readonly fetches: { discovery: number; jwks: number };
  /** The keys `/jwks` publishes, newest last. */
  readonly keys: SigningKey[];
  /** The next `n` discovery fetches answer 500. */
  failDiscovery(n: number): void;
  /** Makes a key (not published unless `publish`). `await server.newKey('ES256')` */
  newKey(alg?: SigningAlgorithm, publish?: boolean): Promise<SigningKey>;
  /** Replaces the published keys with one new key and returns it (what a provider's key rollover does). */
  rotate(alg?: SigningAlgorithm): Promise<SigningKey>;
  /** A signed token: iss = issuer unless the claims say otherwise. `await server.sign({ aud: 'api', email: 'a@b' })` */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

let kids = 0;

/** Starts the server with one RS256 key published: `const idp = await startJwksServer(); … await idp.close()`. */
export async function startJwksServer(): Promise<JwksServer> {
  const fetches = { discovery: 0, jwks: 0 };
  const keys: SigningKey[] = [];
  let discoveryFailures = 0;
  let issuer = '';

  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      fetches.discovery += 1;
      if (discoveryFailures > 0) {
        discoveryFailures -= 1;
        reply(500, { error: 'temporarily unavailable' });
        return;
      }
      reply(200, { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    } else if (req.url === '/jwks') {
      fetches.jwks += 1;
      reply(200, { keys: keys.map((k) => k.publicJwk) });
    } else {
      reply(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const newKey = async (alg: SigningAlgorithm = 'RS256', publish = false): Promise<SigningKey> => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    kids += 1;
    const kid = `test-key-${kids}`;
    const key: SigningKey = { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
    if (publish) keys.push(key);
    return key;
  };
  await newKey('RS256', true);

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    fetches,
    keys,
    failDiscovery(n: number) {
      discoveryFailures = n;
    },
    newKey,
    async rotate(alg: SigningAlgorithm = 'RS256') {
      const key = await newKey(alg);
      keys.splice(0, keys.length, key);
      return key;
    },
    async sign(claims: JWTPayload, options: SignOptions = {}) {
      const key = options.key ?? keys[keys.length - 1];
      if (!key) throw new Error('no key to sign with');
      const now = Math.floor(Date.now() / 1000);
      const { expiresIn = 600 } = options;
      const jwt = new SignJWT({ iss: issuer, iat: now, ...(expiresIn === null ? {} : { exp: now + expiresIn }), ...claims }).setProtectedHeader({
        alg: key.alg,
        kid: key.kid,
        typ: 'JWT',
        ...options.header,
      } as { alg: string });
      // jose refuses to sign a crit header it does not know unless told the extensions are understood
      const crit = options.header?.crit;
      return jwt.sign(key.privateKey, Array.isArray(crit) ? { crit: Object.fromEntries(crit.map((name) => [String(name), true])) } : undefined);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
