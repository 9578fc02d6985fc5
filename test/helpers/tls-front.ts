import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { getCACertificates, setDefaultCACertificates } from 'node:tls'

export interface LoopbackCertificate {
  /** PEM file to trust in a child process: `NODE_EXTRA_CA_CERTS=<certFile>`. */
  readonly certFile: string
  readonly cert: Buffer
  readonly key: Buffer
}

/** A throwaway self-signed certificate for 127.0.0.1, made with the openssl command. */
export function createLoopbackCertificate(dir: string): LoopbackCertificate {
  const keyFile = join(dir, 'loopback-key.pem')
  const certFile = join(dir, 'loopback-cert.pem')
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  )
  return { certFile, cert: readFileSync(certFile), key: readFileSync(keyFile) }
}

/**
 * Trusts the certificate in this process as well, for `coop` run in-process (test/helpers/run-coop.ts):
 * a child process is given NODE_EXTRA_CA_CERTS, but that is read only when a process starts.
 */
export function trustInThisProcess(certificate: LoopbackCertificate): void {
  setDefaultCACertificates([...getCACertificates('default'), certificate.cert.toString()])
}

export interface TlsFront {
  readonly url: string
  /** Stops listening and drops open connections (a hung request would otherwise hold close()). */
  close(): Promise<void>
}

/**
 * An https:// address for a loopback http:// emulator. Coop refuses a remote provider kind (openai,
 * anthropic, …) over plain http, so tests reach those emulators through this, as the real APIs are.
 */
export async function startTlsFront(target: string, certificate: LoopbackCertificate): Promise<TlsFront> {
  const upstream = new URL(target)
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', (error) => res.destroy(error))
    // A client that gives up (Stop) ends the upstream request too, as it would end a direct one.
    res.on('close', () => forward.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
