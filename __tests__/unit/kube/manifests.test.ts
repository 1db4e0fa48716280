import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { formatDiagnostic } from '../../../src/core/config/diagnostics.js'
import { KubeClient } from '../../../src/kube/client.js'
import { applyManifests, checkManifests, listNodeClassNames, ManifestError } from '../../../src/kube/manifests.js'
import { loadManifests as load } from '../../../src/modes/manifest-files.js'
import { anyPathRules } from '../../../src/runner/input-files.js'
import { startFakeKube, type FakeKube } from '../../../test/harness/fake-kube.js'

const NODE_CLASS = `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  role: eksctl-KarpenterNodeRole-\${CLUSTER_NAME}
  amiSelectorTerms:
    - alias: al2023@latest
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: \${CLUSTER_NAME}
`
const NODE_POOL = `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: general
spec:
  template:
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: default
      requirements:
        - key: karpenter.sh/capacity-type
          operator: In
          values: ["spot", "on-demand"]
`

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const loadManifests = (given: string, o: { clusterName: string }) => load(given, o.clusterName, anyPathRules(process.cwd()))

function file(name: string, text: string): string {
  const p = path.join(dir, name)
  fs.writeFileSync(p, text)
  return p
}

function errorsFor(text: string, existing: string[] | 'offline' = []): string[] {
  const p = file('set.yaml', text)
  return checkManifests(loadManifests(p, { clusterName: 'prod' }), existing === 'offline' ? undefined : existing).map(formatDiagnostic)
}

describe('loadManifests', () => {
  it('reads a folder of .yaml/.yml files with several documents and substitutes ${CLUSTER_NAME}', () => {
    file('10-class.yaml', NODE_CLASS)
    file('20-pools.yml', `${NODE_POOL}---\n${NODE_POOL.replace('general', 'gpu')}---\n`)
    file('README.md', 'not a manifest')
    const manifests = loadManifests(dir, { clusterName: 'prod' })
    expect(manifests.map((m) => `${m.object.kind}/${m.object.metadata?.name}`)).toEqual(['EC2NodeClass/default', 'NodePool/general', 'NodePool/gpu'])
    expect((manifests[0]?.object.spec as { role: string }).role).toBe('eksctl-KarpenterNodeRole-prod')
    expect(manifests[2]?.position).toEqual({ line: 17, col: 1 })
    expect(checkManifests(manifests, [])).toEqual([])
  })

  it('reports malformed YAML with its position', () => {
    const p = file('bad.yaml', 'kind: NodePool\nmetadata:\n  name: [unclosed\n')
    expect(() => loadManifests(p, { clusterName: 'c' })).toThrow(ManifestError)
    expect(() => loadManifests(p, { clusterName: 'c' })).toThrow(/bad\.yaml:\d+:\d+: malformed YAML/)
    expect(() => loadManifests(path.join(dir, 'nope.yaml'), { clusterName: 'c' })).toThrow(/input manifests: .*nope\.yaml: not found/)
  })

  it('reports malformed YAML once per file, at the mistake, as a manifest problem', () => {
    // two broken documents; the parser would give three errors, the first at the end of line 3
    const p = file('two-bad.yaml', 'kind: NodePool\nmetadata:\n  name: a\n    labels: {}\n---\nkind: NodePool\nmetadata: { name: "b }\n')
    const err = (() => {
      try {
        loadManifests(p, { clusterName: 'c' })
      } catch (e) {
        return e as ManifestError
      }
      throw new Error('expected a ManifestError')
    })()
    expect(err.diagnostics.map((d) => [d.line, d.col, d.subject])).toEqual([[4, 5, 'manifest']])
    expect(err.diagnostics[0]?.message).toMatch(/^malformed YAML: `labels` is indented further than `name` on line 3/)
  })
})

describe('checkManifests', () => {
  it('accepts a NodePool whose EC2NodeClass is already in the cluster', () => {
    expect(errorsFor(NODE_POOL, ['default'])).toEqual([])
  })

  it('rejects a nodeClassRef that names no known EC2NodeClass, at the name', () => {
    const p = path.join(dir, 'set.yaml')
    expect(errorsFor(`${NODE_CLASS}---\n${NODE_POOL.replace('name: default', 'name: defualt')}`, ['legacy'])).toEqual([
      `${p}:23:15: spec.template.spec.nodeClassRef.name: NodePool "general" refers to EC2NodeClass "defualt", which is neither in the manifests nor in the cluster (got defualt, expected one of default, legacy)`
    ])
  })

  // issue 11 item 7: checked offline in every mode; only the cluster can tell whether an EC2NodeClass it names exists
  it('offline, leaves a nodeClassRef to an EC2NodeClass not in the manifests to apply, and reports everything else', () => {
    expect(errorsFor(NODE_POOL, 'offline')).toEqual([])
    const p = path.join(dir, 'set.yaml')
    expect(errorsFor(NODE_POOL.replace('kind: EC2NodeClass', 'kind: NodeClass'), 'offline')).toEqual([
      `${p}:10:15: spec.template.spec.nodeClassRef.kind: NodePool "general" nodeClassRef must point at an EC2NodeClass (got NodeClass, expected EC2NodeClass)`
    ])
  })

  it('rejects a name the API server would refuse (and which could carry a line break into the log)', () => {
    const p = path.join(dir, 'set.yaml')
    expect(errorsFor(NODE_POOL.replace('name: general', 'name: "General\\n::error::x"'), 'offline')).toEqual([
      `${p}:4:9: metadata.name: NodePool name is not a Kubernetes object name (got "General\\n::error::x", expected lowercase letters, digits, '-' and '.', at most 253)`
    ])
  })

  it('rejects an EC2NodeClass with both or neither of role and instanceProfile', () => {
    const p = path.join(dir, 'set.yaml')
    const both = NODE_CLASS.replace('spec:\n', 'spec:\n  instanceProfile: KarpenterNodeInstanceProfile\n')
    expect(errorsFor(both)).toEqual([
      `${p}:6:20: spec.instanceProfile: EC2NodeClass "default" sets both spec.role and spec.instanceProfile (got both, expected exactly one of spec.role or spec.instanceProfile)`
    ])
    const neither = NODE_CLASS.replace(/ {2}role: .*\n/, '')
    expect(errorsFor(neither)).toEqual([
      `${p}:5:1: spec: EC2NodeClass "default" sets neither spec.role nor spec.instanceProfile (got neither, expected exactly one of spec.role (e.g. the node role name) or spec.instanceProfile)`
    ])
  })

  it('accepts only NodePool and EC2NodeClass in the Karpenter groups', () => {
    const p = path.join(dir, 'set.yaml')
    expect(errorsFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')).toEqual([
      `${p}:2:7: kind: only Karpenter NodePool and EC2NodeClass objects are accepted in manifests (got ConfigMap, expected NodePool or EC2NodeClass)`
    ])
    expect(errorsFor(NODE_POOL.replace('karpenter.sh/v1', 'karpenter.k8s.aws/v1'), ['default'])).toEqual([
      `${p}:1:13: apiVersion: wrong API group or version for NodePool (got karpenter.k8s.aws/v1, expected karpenter.sh/v1 or karpenter.sh/v1beta1)`
    ])
  })

  it('rejects duplicates, a missing nodeClassRef and variables only a shell would fill in', () => {
    const p = path.join(dir, 'set.yaml')
    const noRef = 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: bare\nspec:\n  template:\n    spec: {}\n'
    const errors = errorsFor(`${NODE_CLASS}---\n${NODE_CLASS.replace('al2023@latest', 'al2023@${ALIAS_VERSION}')}---\n${noRef}`)
    expect(errors).toEqual([
      `${p}:16:9: metadata.name: EC2NodeClass "default" is defined twice (first at ${p}:1:1) (got default)`,
      `${p}:31:5: spec.template.spec.nodeClassRef: NodePool "bare" has no nodeClassRef (got nothing, expected a nodeClassRef naming an EC2NodeClass)`,
      `${p}:20:14: spec.amiSelectorTerms.0.alias: \${ALIAS_VERSION} is not substituted (only \${CLUSTER_NAME} is): write the value itself (got al2023@\${ALIAS_VERSION})`
    ])
  })
})

describe('applyManifests and listNodeClassNames', () => {
  let fake: FakeKube
  let kube: KubeClient
  beforeEach(async () => {
    fake = await startFakeKube()
    kube = new KubeClient({ server: fake.url }, { retryBaseMs: 1 })
    fake.discovery.set('/apis/karpenter.sh/v1', { resources: [{ name: 'nodepools', kind: 'NodePool', namespaced: false }] })
    fake.discovery.set('/apis/karpenter.k8s.aws', { versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } })
    fake.discovery.set('/apis/karpenter.k8s.aws/v1', { resources: [{ name: 'ec2nodeclasses', kind: 'EC2NodeClass', namespaced: false }] })
  })
  afterEach(async () => {
    kube.close()
    await fake.close()
  })

  it('applies node classes before pools, then reports a re-apply as unchanged', async () => {
    file('a-pool.yaml', NODE_POOL)
    file('b-class.yaml', NODE_CLASS)
    const manifests = loadManifests(dir, { clusterName: 'prod' })
    const first = await applyManifests(kube, manifests)
    expect(first).toEqual([
      { kind: 'EC2NodeClass', name: 'default', action: 'created' },
      { kind: 'NodePool', name: 'general', action: 'created' }
    ])
    const applies = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)
    expect(applies).toEqual(['/apis/karpenter.k8s.aws/v1/ec2nodeclasses/default', '/apis/karpenter.sh/v1/nodepools/general'])
    expect((await applyManifests(kube, manifests)).map((r) => r.action)).toEqual(['unchanged', 'unchanged'])
    expect(await listNodeClassNames(kube)).toEqual(['default'])
  })

  it('lists no node classes when the CRD is not installed', async () => {
    fake.discovery.clear()
    expect(await listNodeClassNames(kube)).toEqual([])
  })
})
