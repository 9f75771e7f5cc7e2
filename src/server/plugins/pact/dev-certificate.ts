import { generate } from 'selfsigned';

/** A throwaway development CA and a server certificate it signed, all PEM. */
export interface DevCertificate {
  readonly caCert: string;
  readonly cert: string;
  readonly key: string;
}

/**
 * Makes a development CA and a certificate for localhost, 127.0.0.1 and ::1 signed by it, valid
 * for `days` (node:crypto cannot write X.509 certificates, hence the `selfsigned` package).
 * Trust the CA (not the server certificate) in clients, e.g. NODE_EXTRA_CA_CERTS=ca.pem.
 */
export async function generateDevCertificate(now: Date, days = 365): Promise<DevCertificate> {
  const notAfterDate = new Date(now.getTime() + days * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'greenmfg development CA (throwaway)' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { caCert: ca.cert, cert: leaf.cert, key: leaf.private };
}
