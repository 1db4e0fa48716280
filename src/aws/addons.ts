// The EKS Pod Identity agent addon: without it running on the nodes, an association gives pods no credentials,
// so Pod Identity is refused before any change when the addon is not ACTIVE (docs/design.md, "Controller identity").
import type { EKSClient } from '@aws-sdk/client-eks'
import { PreflightError } from './preflight.js'
import { POD_IDENTITY_AGENT_ADDON } from '../core/names.js'
import { isAwsError } from '../core/errors.js'

export const POD_IDENTITY_AGENT = POD_IDENTITY_AGENT_ADDON

export function agentFix(cluster: string): string {
  return (
    `add \`addons: [{name: ${POD_IDENTITY_AGENT}}]\` to the cluster file and run ` +
    `\`eksctl create addon --cluster ${cluster} --name ${POD_IDENTITY_AGENT}\` (or use IRSA: controller-identity: irsa)`
  )
}

/** Throws PreflightError naming the fix unless the addon exists and is ACTIVE. Returns its version. */
export async function requirePodIdentityAgent(eks: EKSClient, cluster: string): Promise<string | undefined> {
  const { DescribeAddonCommand } = await import('@aws-sdk/client-eks')
  let status: string | undefined
  let version: string | undefined
  try {
    const { addon } = await eks.send(new DescribeAddonCommand({ clusterName: cluster, addonName: POD_IDENTITY_AGENT }))
    status = addon?.status
    version = addon?.addonVersion
  } catch (err) {
    if (!isAwsError(err, 'ResourceNotFoundException')) throw err
    throw new PreflightError(`EKS Pod Identity needs the ${POD_IDENTITY_AGENT} addon on cluster ${cluster}, and it is not installed: ${agentFix(cluster)}. Nothing was changed.`)
  }
  if (status !== 'ACTIVE') {
    throw new PreflightError(
      `The ${POD_IDENTITY_AGENT} addon on cluster ${cluster} is ${status ?? 'in an unknown state'}, not ACTIVE, so Pod Identity cannot give the controller credentials yet. ` +
        `Wait for it (\`aws eks wait addon-active --cluster-name ${cluster} --addon-name ${POD_IDENTITY_AGENT}\`) or fix it, then re-run. Nothing was changed.`
    )
  }
  return version
}
