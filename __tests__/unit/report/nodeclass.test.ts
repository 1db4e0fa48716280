// The ready-to-paste node class is written as people write manifests: no YAML anchors or aliases.
import { describe, expect, it } from '@jest/globals'
import { isAlias, parse, parseDocument, visit } from 'yaml'
import { nodeClassExample } from '../../../src/report/nodeclass.js'
import { buildDesiredState } from '../../../src/core/desired.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

describe.each(['1.2.1', '0.37.0', '0.31.0'])('the node class for Karpenter %s', version => {
  const d = buildDesiredState(clusterConfig({}, { version }), inputs())
  const yaml = nodeClassExample(d, 'my-cluster')

  it('has no anchor and no alias', () => {
    let aliases = 0
    let anchors = 0
    visit(parseDocument(yaml), {
      Alias: () => void aliases++,
      Node: (_, node) => void (isAlias(node) || !node.anchor ? undefined : anchors++)
    })
    expect({ aliases, anchors }).toEqual({ aliases: 0, anchors: 0 })
    expect(yaml).not.toMatch(/[&*]a\d/)
  })

  it('names the discovery tag in both selectors', () => {
    const m = parse(yaml) as { spec: Record<string, unknown> }
    const selectors = Object.entries(m.spec).filter(([k]) => /[sS]electorT?e?r?m?s?$/.test(k) && !k.startsWith('ami'))
    expect(selectors).toHaveLength(2)
    for (const [, v] of selectors) expect(JSON.stringify(v)).toContain('"karpenter.sh/discovery":"my-cluster"')
  })
})
