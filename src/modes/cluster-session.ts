// A connection to the cluster for every mode: our API client and a kubeconfig file for helm, from the
// `kubeconfig` input or from DescribeCluster and an EKS token (0600 under RUNNER_TEMP, removed by dispose).
import type { RunContext } from './context.js'
import type { AwsClients } from '../aws/clients.js'
import type { ClusterInfo } from '../aws/preflight.js'
import { KubeClient } from '../kube/client.js'
import { eksToken } from '../kube/token.js'
import { connectionFromFacts, writeKubeconfig } from '../kube/kubeconfig.js'

/** A connection to the cluster: our API client and a kubeconfig file for helm. */
export interface ClusterSession {
  kube: KubeClient
  kubeconfig: string
  dispose(): Promise<void>
}

/**
 * The `kubeconfig` input, or one made from DescribeCluster and an EKS token (0600 under RUNNER_TEMP,
 * removed by dispose). EKS accepts a token for about 15 minutes, so apply opens a fresh session for the
 * install rather than reuse the one from before the stacks.
 */
export async function openCluster(ctx: RunContext, aws: AwsClients, cluster: ClusterInfo | undefined): Promise<ClusterSession> {
  const given = ctx.files.kubeconfig
  if (given) {
    // read and checked with the other inputs (run-files.ts); helm gets the resolved path
    const kube = new KubeClient(given.connection, { signal: ctx.signal })
    return { kube, kubeconfig: given.path, dispose: async () => kube.close() }
  }
  if (!cluster?.endpoint || !cluster.certificateAuthority) {
    throw new Error(`EKS cluster ${ctx.config.name} reports no endpoint or certificate authority; pass the kubeconfig input to reach it`)
  }
  // The credentials the SDK clients resolved (assumed role or the default chain) sign the token.
  const credentials = await (await aws.sts()).config.credentials()
  const facts = {
    server: cluster.endpoint,
    caData: cluster.certificateAuthority,
    clusterName: cluster.name,
    token: await eksToken({ clusterName: cluster.name, region: cluster.region, credentials })
  }
  const written = await writeKubeconfig(ctx.tempDir, facts)
  const kube = new KubeClient(connectionFromFacts(facts), { signal: ctx.signal })
  return {
    kube,
    kubeconfig: written.path,
    dispose: async () => {
      kube.close()
      await written.dispose()
    }
  }
}

export async function withCluster<T>(ctx: RunContext, aws: AwsClients, cluster: ClusterInfo | undefined, fn: (s: ClusterSession) => Promise<T>): Promise<T> {
  const session = await openCluster(ctx, aws, cluster)
  try {
    return await fn(session)
  } finally {
    await session.dispose()
  }
}

