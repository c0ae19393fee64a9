import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecked } from '../core/run-command';

/** Files of a throw-away test PKI: a CA, a server certificate for 127.0.0.1/localhost, a client certificate. */
export interface TlsMaterial {
  dir: string;
  caCert: string;
  /** PKCS#12 keystore of the broker (key + certificate chain), protected by `keystorePassword`. */
  serverKeystore: string;
  keystorePassword: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate signed by another CA: refused by a broker that trusts only `caCert`. */
  strangerCert: string;
  strangerKey: string;
}

const DAYS = '2';
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/**
 * Generates the PKI with openssl (EC P-256 keys: a few milliseconds each). The broker
 * reads the PKCS#12 keystore; clients read PEM, as the services do.
 */
export async function generateTlsMaterial(dir: string, signal?: AbortSignal): Promise<TlsMaterial> {
  mkdirSync(dir, { recursive: true });
  const path = (name: string) => join(dir, name);
  const run = (args: string[]) =>
    runChecked('openssl', args, { cwd: dir, signal, timeoutMs: 30_000 });
  const selfSigned = async (name: string, subject: string) =>
    run([
      'req',
      '-x509',
      ...EC,
      '-keyout',
      path(`${name}.key`),
      '-out',
      path(`${name}.crt`),
      '-days',
      DAYS,
      '-subj',
      subject,
    ]);
  const signed = async (name: string, subject: string, ca: string, extensions: string) => {
    writeFileSync(path(`${name}.ext`), `${extensions}\n`);
    await run([
      'req',
      ...EC,
      '-keyout',
      path(`${name}.key`),
      '-out',
      path(`${name}.csr`),
      '-subj',
      subject,
    ]);
    await run([
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path(`${ca}.crt`),
      '-CAkey',
      path(`${ca}.key`),
      '-CAcreateserial',
      '-out',
      path(`${name}.crt`),
      '-days',
      DAYS,
      '-extfile',
      path(`${name}.ext`),
    ]);
  };

  await Promise.all([
    selfSigned('ca', '/CN=medmentor-test-ca'),
    selfSigned('stranger-ca', '/CN=unknown-ca'),
  ]);
  await Promise.all([
    signed(
      'server',
      '/CN=localhost',
      'ca',
      'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth',
    ),
    signed('client', '/CN=medmentor-client', 'ca', 'extendedKeyUsage=clientAuth'),
    signed('stranger', '/CN=medmentor-client', 'stranger-ca', 'extendedKeyUsage=clientAuth'),
  ]);
  const keystorePassword = randomBytes(12).toString('hex');
  await run([
    'pkcs12',
    '-export',
    '-in',
    path('server.crt'),
    '-inkey',
    path('server.key'),
    '-certfile',
    path('ca.crt'),
    '-name',
    'broker',
    '-out',
    path('server.p12'),
    '-passout',
    `pass:${keystorePassword}`,
  ]);
  return {
    dir,
    caCert: path('ca.crt'),
    serverKeystore: path('server.p12'),
    keystorePassword,
    clientCert: path('client.crt'),
    clientKey: path('client.key'),
    strangerCert: path('stranger.crt'),
    strangerKey: path('stranger.key'),
  };
}
