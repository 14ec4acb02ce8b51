'use strict';
// The plan schema as the YAML extension gets it: everything it completes
// from (properties, descriptions, examples, enum values as examples) and
// nothing it validates with, so that a plan's schema problems are reported
// once, by planlint, in planlint's words (issue: double diagnostics).

// Keywords that only restrict values: dropped.
const VALIDATION_ONLY = new Set([
  'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems',
  'minProperties', 'maxProperties', 'dependentRequired', 'not', 'type',
]);

function completionSchema(node) {
  if (Array.isArray(node)) {
    return node.map(completionSchema);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key)) {
      continue;
    }
    if (key === 'additionalProperties' && typeof value === 'boolean') {
      continue; // false would report unknown keys; a schema still completes map values
    }
    if (key === 'enum' || key === 'const') {
      const values = key === 'enum' ? value : [value];
      out.examples = [...new Set([...(node.examples || []), ...values])];
      continue;
    }
    if (key === 'examples' && out.examples) {
      continue;
    }
    if (key === 'oneOf') {
      out.anyOf = completionSchema(value); // relaxed branches would all match: oneOf would fail
      continue;
    }
    if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, completionSchema(schema)]));
      continue;
    }
    out[key] = completionSchema(value);
  }
  return out;
}

module.exports = { completionSchema, VALIDATION_ONLY };
