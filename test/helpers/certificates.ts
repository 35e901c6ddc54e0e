import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate and key written as PEM files (made at test time with the openssl CLI; EC P-256 for speed). */
export interface PemPair {
  cert: string;
  key: string;
}

export interface TestCa extends PemPair {
  /** Issues a leaf for `names` (the first is the CN; `127.0.0.1`-style names become IP SANs). */
  issue(name: string, names: string[], options?: { days?: number; clientAuth?: boolean }): PemPair;
}

/** A scratch directory of certificates; `remove()` deletes it. */
export class CertificateDir {
  readonly dir = mkdtempSync(join(tmpdir(), 'warden-certs-'));

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  private newKey(file: string): void {
    this.openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file]);
  }

  /** A self-signed certificate for `names` (not a CA). */
  selfSigned(name: string, names: string[], days = 30): PemPair {
    const key = join(this.dir, `${name}.key`);
    const cert = join(this.dir, `${name}.pem`);
    this.newKey(key);
    this.openssl(['req', '-x509', '-new', '-key', key, '-out', cert, '-days', String(days), '-subj', `/CN=${names[0]}`, '-addext', `subjectAltName=${sans(names)}`]);
    return { cert, key };
  }

  /** A CA that issues leaves. */
  ca(name: string): TestCa {
    const key = join(this.dir, `${name}.key`);
    const cert = join(this.dir, `${name}.pem`);
    this.newKey(key);
    this.openssl(['req', '-x509', '-new', '-key', key, '-out', cert, '-days', '30', '-subj', `/CN=${name} test CA/O=Warden tests`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    return {
      cert,
      key,
      issue: (leaf, names, options = {}) => {
        const leafKey = join(this.dir, `${leaf}.key`);
        const leafCert = join(this.dir, `${leaf}.pem`);
        const csr = join(this.dir, `${leaf}.csr`);
        const ext = join(this.dir, `${leaf}.ext`);
        this.newKey(leafKey);
        this.openssl(['req', '-new', '-key', leafKey, '-out', csr, '-subj', `/CN=${names[0]}/O=Warden tests`]);
        writeFileSync(ext, `subjectAltName=${sans(names)}\nextendedKeyUsage=${options.clientAuth === true ? 'clientAuth' : 'serverAuth'}\n`);
        this.openssl(['x509', '-req', '-in', csr, '-CA', cert, '-CAkey', key, '-CAcreateserial', '-out', leafCert, '-days', String(options.days ?? 30), '-extfile', ext]);
        return { cert: leafCert, key: leafKey };
      },
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function sans(names: string[]): string {
  return names.map((n) => (/^[0-9.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
}

/** HPKP pin-sha256 of a certificate's public key, computed by openssl (independent of the code under test). */
export function opensslPin(certFile: string): string {
  const spki = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-pubkey']);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: spki });
  return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
}
