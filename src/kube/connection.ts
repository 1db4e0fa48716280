// Everything needed to reach one Kubernetes API server, whatever it came from (an EKS-derived kubeconfig
// or the user's `kubeconfig` input). PEM strings, not file paths: read once, so a file removed later
// (dispose) does not break a client still in use.

export interface KubeConnection {
  /** https://host[:port][/prefix] (http:// only for local test servers) */
  server: string
  /** PEM bundle of the CA(s) that signed the server certificate; the system store when absent */
  caPem?: string
  /** kubeconfig's insecure-skip-tls-verify: the server certificate is not checked at all */
  insecureSkipTlsVerify?: boolean
  /** kubeconfig's tls-server-name: the name to verify the server certificate against */
  tlsServerName?: string
  /** bearer token */
  token?: string
  /** client certificate and key (PEM) for mutual TLS */
  clientCertPem?: string
  clientKeyPem?: string
}
