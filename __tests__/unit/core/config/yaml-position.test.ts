import { describe, expect, it } from '@jest/globals'
import { LineCounter, parseDocument } from 'yaml'
import { collectPositions, positionOf } from '../../../../src/core/config/yaml-position.js'

const parse = (text: string): { lc: LineCounter; doc: ReturnType<typeof parseDocument> } => {
  const lc = new LineCounter()
  return { lc, doc: parseDocument(text, { lineCounter: lc }) }
}

describe('positionOf', () => {
  const { lc, doc } = parse('a: 1\nbb:\n  c: x\n')
  it('gives line:col of an offset or of where a node starts', () => {
    expect(positionOf(lc, 0)).toEqual({ line: 1, col: 1 })
    expect(positionOf(lc, 7)).toEqual({ line: 2, col: 3 })
    const c = (doc.getIn(['bb'], true) as { items: { value: unknown }[] }).items[0]?.value
    expect(positionOf(lc, c as never)).toEqual({ line: 3, col: 6 })
  })
  it('is 1:1 when there is nothing to point at', () => {
    expect(positionOf(lc, undefined)).toEqual({ line: 1, col: 1 })
    expect(positionOf(lc, null)).toEqual({ line: 1, col: 1 })
    expect(positionOf(lc, {})).toEqual({ line: 1, col: 1 })
  })
  it('returns a plain position, not the line counter\'s object', () => {
    expect(Object.keys(positionOf(lc, 7))).toEqual(['line', 'col'])
  })
})

describe('collectPositions', () => {
  const text = ['kind: NodePool', 'spec:', '  template:', '    nodeClassRef:', '      name: default', '  limits:', '  requirements:', '    - key: a', '    - b', ''].join('\n')
  const { lc, doc } = parse(text)
  const positions = collectPositions(doc.contents, lc)
  it('points scalars at their value', () => {
    expect(positions.get('kind')).toEqual({ line: 1, col: 7 })
    expect(positions.get('spec.template.nodeClassRef.name')).toEqual({ line: 5, col: 13 })
  })
  it('points mappings and lists at their key', () => {
    expect(positions.get('spec')).toEqual({ line: 2, col: 1 })
    expect(positions.get('spec.template.nodeClassRef')).toEqual({ line: 4, col: 5 })
    // `limits:` with nothing after it is an empty scalar, pointed at like any scalar
    expect(positions.get('spec.limits')).toEqual({ line: 6, col: 10 })
    expect(positions.get('spec.requirements')).toEqual({ line: 7, col: 3 })
  })
  it('numbers list items', () => {
    expect(positions.get('spec.requirements.0')).toEqual({ line: 8, col: 7 })
    expect(positions.get('spec.requirements.0.key')).toEqual({ line: 8, col: 12 })
    expect(positions.get('spec.requirements.1')).toEqual({ line: 9, col: 7 })
  })
  it('has nothing for a scalar root', () => {
    const s = parse('just text')
    expect(collectPositions(s.doc.contents, s.lc).size).toBe(0)
  })
})
