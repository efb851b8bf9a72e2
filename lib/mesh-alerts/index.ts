// Mesh-health alerts: catalog and settings schemas, rule generation, promtool tests. Pure.
export * from './catalog';
export { meshAlertRules, meshHealthGroups, MESH_HEALTH_GROUP, type MeshAlertRule } from './rules';
export { meshRuleTests, meshRuleTestsYaml, meshRulesYaml, MESH_RULES_FILE, MESH_TESTS_FILE } from './rule-tests';
