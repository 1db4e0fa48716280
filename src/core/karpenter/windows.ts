// Windows nodes: how the file and the EC2NodeClass manifests ask for them, and what node access they need
// (docs/design.md "Windows nodes"). Pure.

/** The extra aws-auth group of a Windows node role, as eksctl maps Windows node groups (pkg/authconfigmap). */
export const WINDOWS_NODE_GROUP = 'eks:kube-proxy-windows'

/** eksctl's Windows AMI families: WindowsServer2019FullContainer, WindowsServer2022CoreContainer, … */
export function isWindowsAmiFamily(amiFamily: string): boolean {
  return /^WindowsServer/.test(amiFamily)
}

/** Text from the file or a manifest, made safe for one line of a message or summary: printable ASCII, bounded. */
function oneLine(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?')
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable
}

interface NodeClassLike {
  kind?: unknown
  metadata?: { name?: unknown }
  spec?: { amiFamily?: unknown; amiSelectorTerms?: unknown }
}

/**
 * Why an EC2NodeClass launches Windows nodes (Karpenter's amiFamily Windows2019/Windows2022/Windows2025, or an
 * amiSelectorTerms alias such as windows2022@latest), or undefined when it does not.
 */
export function nodeClassWindowsSelection(object: unknown): string | undefined {
  const o = object as NodeClassLike | null
  if (!o || typeof o !== 'object' || o.kind !== 'EC2NodeClass') return undefined
  const name = typeof o.metadata?.name === 'string' ? oneLine(o.metadata.name) : '?'
  const family = o.spec?.amiFamily
  if (typeof family === 'string' && /^Windows\d{4}$/.test(family)) return `EC2NodeClass ${name} (amiFamily ${family})`
  const terms = Array.isArray(o.spec?.amiSelectorTerms) ? (o.spec.amiSelectorTerms as unknown[]) : []
  for (const t of terms) {
    const alias = t && typeof t === 'object' ? (t as { alias?: unknown }).alias : undefined
    if (typeof alias === 'string' && /^windows/i.test(alias)) return `EC2NodeClass ${name} (amiSelectorTerms alias ${oneLine(alias)})`
  }
  return undefined
}

/** Every reason the run's nodes include Windows: the file's node groups and the manifests' EC2NodeClasses. */
export function windowsNodeReasons(nodeGroups: readonly { path: string; name: string; amiFamily: string }[], manifestObjects: readonly unknown[]): string[] {
  const reasons = nodeGroups.map(g => `${g.path}${g.name ? ` (${oneLine(g.name)})` : ''} amiFamily ${oneLine(g.amiFamily)}`)
  for (const o of manifestObjects) {
    const why = nodeClassWindowsSelection(o)
    if (why) reasons.push(why)
  }
  return reasons
}
