// The `manifests` input's files, read through the path rules and checked offline (run-files.ts loads this only
// when the input is given).
import { ConfigError } from '../core/config/diagnostics.js'
import { MAX_INPUT_FILE_BYTES, readInputFiles, type PathRules } from '../runner/input-files.js'
import { checkManifests, parseManifests, type Manifest } from '../kube/manifests.js'

/** Manifest folders hold a handful of small files. */
const MANIFEST_LIMITS = { match: /\.ya?ml$/i, maxFiles: 100, maxTotalBytes: 4 * MAX_INPUT_FILE_BYTES }

/** The manifests, parsed and checked offline: everything but whether an EC2NodeClass named only by a NodePool is in the cluster. */
export function readManifests(given: string, clusterName: string, rules: PathRules): Manifest[] {
  const manifests = loadManifests(given, clusterName, rules)
  const problems = checkManifests(manifests, undefined)
  if (problems.length > 0) throw new ConfigError(problems)
  return manifests
}

/** The `manifests` input's file, or its folder's .yaml/.yml files in name order, parsed (not yet checked). */
export function loadManifests(given: string, clusterName: string, rules: PathRules): Manifest[] {
  const read = readInputFiles('manifests', given, rules, MANIFEST_LIMITS)
  return parseManifests(read.files, read.shown, { clusterName })
}
