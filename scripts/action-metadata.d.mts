// Types of scripts/action-metadata.mjs, for the tests and the harness that import it.
import type { Document } from 'yaml'

export interface ActionInputMeta { name: string; description: string; required: boolean; default?: string }
export interface ActionOutputMeta { name: string; description: string }
export interface ActionMetadata {
  name: unknown
  description: unknown
  runs: Record<string, unknown>
  branding: unknown
  inputs: ActionInputMeta[]
  outputs: ActionOutputMeta[]
  /** every metadata rule broken; empty when valid */
  problems: string[]
}
export const REPO_ROOT: string
export const ACTION_YML: string
export const GENERATED: string
export function parseStrict(text: string, file?: string): Document
export function readActionMetadata(text: string, file?: string): ActionMetadata
export function renderInputsModule(meta: ActionMetadata): string
export function loadActionMetadata(path?: string): ActionMetadata
