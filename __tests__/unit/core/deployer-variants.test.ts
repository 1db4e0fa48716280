// src/core/deployer-variants.ts: the deployer policy's two variants (README.md, "The role to assume":
// deployer-policy.json for apply and delete, deployer-policy-read-only.json for plan and drift).
import { describe, expect, it } from '@jest/globals'
import { DEPLOYER_VARIANTS } from '../../../src/core/deployer-variants.js'
import { deployerPolicies, deployerPolicyFiles } from '../../../src/core/deployer-policy.js'
import { buildDesiredState } from '../../../src/core/desired.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

describe('DEPLOYER_VARIANTS', () => {
  it('are apply and read-only, apply first', () => {
    expect(DEPLOYER_VARIANTS).toEqual(['apply', 'read-only'])
  })

  it('are exactly the variants the generator fills and render writes, one file name each', () => {
    const p = deployerPolicies(buildDesiredState(clusterConfig(), inputs()), '111122223333')
    expect(Object.keys(p).filter(k => k !== 'account' && k !== 'accountKnown').sort()).toEqual([...DEPLOYER_VARIANTS].sort())
    for (const v of DEPLOYER_VARIANTS) expect(p[v].length).toBeGreaterThan(0)
    const oneEach = { ...p, apply: p.apply.slice(0, 1), 'read-only': p['read-only'].slice(0, 1) }
    expect(Object.keys(deployerPolicyFiles(oneEach))).toEqual(['deployer-policy.json', 'deployer-policy-read-only.json'])
  })
})
