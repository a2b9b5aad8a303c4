// The tfplugin6 Provider service of tools/tf-schema-provider (see provider.js for what and why):
// request handlers for one provider, on plain objects decoded from protobuf.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const cty = require('./cty');
const fakes = require('./fakes');
const { moveSourcesOf } = require('./movers');

// ---------- schema JSON -> tfplugin6.Schema messages ----------
const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' };
const stringKind = (k) => (k === 'markdown' ? 'MARKDOWN' : 'PLAIN');
const jsonBytes = (v) => Buffer.from(JSON.stringify(v));

function toAttribute(name, a) {
  const out = {
    name,
    description: a.description || '',
    description_kind: stringKind(a.description_kind),
    required: !!a.required,
    optional: !!a.optional,
    computed: !!a.computed,
    sensitive: !!a.sensitive,
    deprecated: !!a.deprecated,
    write_only: !!a.write_only,
  };
  if (a.nested_type) {
    out.nested_type = {
      attributes: Object.entries(a.nested_type.attributes || {}).map(([n, x]) => toAttribute(n, x)),
      nesting: NESTING[a.nested_type.nesting_mode],
    };
  } else {
    out.type = jsonBytes(a.type);
  }
  return out;
}
function toBlock(b = {}) {
  return {
    version: 0,
    attributes: Object.entries(b.attributes || {}).map(([n, a]) => toAttribute(n, a)),
    block_types: Object.entries(b.block_types || {}).map(([n, bt]) => ({
      type_name: n,
      block: toBlock(bt.block),
      nesting: NESTING[bt.nesting_mode],
      min_items: bt.min_items || 0,
      max_items: bt.max_items || 0,
    })),
    description: b.description || '',
    description_kind: stringKind(b.description_kind),
    deprecated: !!b.deprecated,
  };
}
const toSchema = (s = {}) => ({ version: s.version || 0, block: toBlock(s.block) });
function toFunction(f) {
  const param = (x) => ({
    name: x.name || '', type: jsonBytes(x.type), allow_null_value: !!x.is_nullable,
    allow_unknown_values: false, description: x.description || '', description_kind: 'PLAIN',
  });
  const out = {
    parameters: (f.parameters || []).map(param),
    return: { type: jsonBytes(f.return_type) },
    summary: f.summary || '', description: f.description || '', description_kind: 'PLAIN',
    deprecation_message: f.deprecation_message || '',
  };
  if (f.variadic_parameter) out.variadic_parameter = param(f.variadic_parameter);
  return out;
}
const CAPABILITIES = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: true };


// ---------- plan / apply helpers ----------
/**
 * Plan-time view of a block value: computed attributes without a value become unknown - but only
 * in objects that are new. Where the prior state has the same object (same list index / map key;
 * Terraform has already copied the prior computed values into the proposed value), a null computed
 * value is the provider's real answer and stays null. `prior` undefined = a new object.
 */
function markComputedUnknown(block = {}, v, prior) {
  if (v === null || v === undefined || cty.isUnknown(v)) return v;
  const priorOf = (n) => (prior && typeof prior === 'object' && !cty.isUnknown(prior) && n in prior ? prior[n] : undefined);
  const out = { ...v };
  for (const [n, a] of Object.entries(block.attributes || {})) {
    if (a.write_only) out[n] = null; // never persisted
    else if (a.computed && (out[n] === null || out[n] === undefined)) { if (priorOf(n) === undefined) out[n] = cty.UNKNOWN; }
    else if (a.nested_type && out[n] != null && !cty.isUnknown(out[n])) {
      out[n] = eachNested(a.nested_type.nesting_mode, out[n], priorOf(n), (e, pe) => markComputedUnknown({ attributes: a.nested_type.attributes }, e, pe));
    }
  }
  for (const [n, bt] of Object.entries(block.block_types || {})) {
    if (out[n] != null && !cty.isUnknown(out[n])) out[n] = eachNested(bt.nesting_mode, out[n], priorOf(n), (e, pe) => markComputedUnknown(bt.block, e, pe));
  }
  return out;
}
/** Apply f(element, priorElement) over a nested value; list elements pair by index, map ones by key, set ones not at all. */
function eachNested(mode, v, prior, f) {
  const usable = prior !== null && prior !== undefined && !cty.isUnknown(prior);
  const at = (k) => (usable && mode !== 'set' && k in prior ? prior[k] : undefined);
  if (mode === 'list' || mode === 'set') return v.map((e, i) => (cty.isUnknown(e) ? e : f(e, at(i))));
  if (mode === 'map') return cty.mapValues(v, (e, k) => (cty.isUnknown(e) ? e : f(e, at(k))));
  return f(v, usable ? prior : undefined);
}
const toAttributePath = (p) => ({
  steps: p.map((s) => (typeof s === 'number' ? { element_key_int: s } : { attribute_name: s })),
});
const changed = (a, b) => cty.canonical(a === undefined ? null : a) !== cty.canonical(b === undefined ? null : b);
const seedOf = (typeName, config) => `${typeName}:${crypto.createHash('sha256').update(cty.canonical(config)).digest('hex')}`;

function schemaOf(map, typeName, what) {
  const s = map[typeName];
  if (!s) throw new fakes.ProviderError(`${what} type ${typeName} is not in this provider's schema`);
  return s.block || {};
}

// ---------- RPC handlers ----------
const errorDiagnostic = (summary, detail = '') => ({ severity: 'ERROR', summary, detail });
/** Wrap a handler: exceptions become error diagnostics (ProviderError: the real provider's message). */
const rpcWrapper = (log) => (name, handler) => (request) => {
  const t = process.hrtime.bigint();
  let response;
  try {
    response = handler(request);
  } catch (e) {
    const known = e instanceof fakes.ProviderError;
    log(`${name} ${request.type_name || ''} failed: ${known ? e.summary : e.stack}`);
    response = { diagnostics: [errorDiagnostic(known ? e.summary : `tf-schema-provider: ${name} failed`, known ? e.detail : String(e.stack || e))] };
  }
  log(`${name} ${request.type_name || request.name || ''} ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(1)}ms`);
  return response;
};
const noDiagnostics = () => ({ diagnostics: [] });

/**
 * The warnings a provider gives for a configuration that uses deprecated schema parts (Terraform core prints
 * none itself): the resource type (plugin framework `DeprecationMessage`, e.g. bpg's long names since 0.99) and
 * every deprecated attribute set to a non-null value (SDKv2 "Argument is deprecated", framework "Attribute
 * Deprecated"). The schema JSON has the flags, not the providers' texts.
 */
function deprecationWarnings(kind, typeName, block, config) {
  const out = [];
  if (block.deprecated) {
    out.push({ severity: 'WARNING', summary: 'Deprecated', detail: `The ${kind} type ${typeName} is deprecated by its provider.` });
  }
  const walk = (b, v, p) => {
    if (v === null || v === undefined || cty.isUnknown(v)) return;
    for (const [n, a] of Object.entries(b.attributes || {})) {
      if (a.deprecated && v[n] !== null && v[n] !== undefined) {
        out.push({ severity: 'WARNING', summary: 'Argument is deprecated', detail: `${typeName}: ${[...p, n].join('.')} is deprecated.`, attribute: toAttributePath([...p, n]) });
      }
    }
    for (const [n, bt] of Object.entries(b.block_types || {})) {
      const x = v[n];
      if (x === null || x === undefined || cty.isUnknown(x)) continue;
      if (bt.block.deprecated && (!Array.isArray(x) || x.length)) {
        out.push({ severity: 'WARNING', summary: 'Argument is deprecated', detail: `${typeName}: ${[...p, n].join('.')} is deprecated.`, attribute: toAttributePath([...p, n]) });
      }
      if (bt.nesting_mode === 'list' || bt.nesting_mode === 'set') x.forEach((e, i) => walk(bt.block, e, [...p, n, i]));
      else if (bt.nesting_mode === 'map') for (const [k, e] of Object.entries(x)) walk(bt.block, e, [...p, n, k]);
      else walk(bt.block, x, [...p, n]);
    }
  };
  walk(block, config, []);
  return out;
}

const schemaFiles = new Map(); // file -> parsed JSON: parsed once per process (the host serves many launches)
const schemaResponses = new Map(); // "file\0address" -> GetProviderSchema response

/**
 * Handlers for the tfplugin6.Provider RPCs of the provider `address` in the schema file (the first
 * provider of the file if `address` is not given). `cwd` is the directory relative paths in the
 * configuration are relative to: Terraform's working directory.
 */
function createProviderService(schemaFile, address, { log = () => {}, cwd = process.cwd() } = {}) {
  if (!schemaFiles.has(schemaFile)) schemaFiles.set(schemaFile, JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  const allSchemas = schemaFiles.get(schemaFile).provider_schemas || {};
  const providerAddress = address || Object.keys(allSchemas)[0];
  const P = allSchemas[providerAddress];
  if (!P) throw new Error(`provider ${providerAddress} is not in ${schemaFile}`);
  const RESOURCES = P.resource_schemas || {};
  const DATA_SOURCES = P.data_source_schemas || {};
  const EPHEMERAL = P.ephemeral_resource_schemas || {};
  const FUNCTION_SCHEMAS = P.functions || {};
  const responseKey = `${schemaFile}\0${providerAddress}`;
  // The provider's version, from the schema file name (schemas/<namespace>-<type>-<version>.json): some
  // behaviour of the real providers depends on it (fakes.VALIDATE, tools/provider-libs).
  const providerVersion = (/-(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\.json$/.exec(schemaFile) || [])[1] || '';
  const validateWith = (kind, blocks) => (r) => {
    const what = kind ? 'data source' : 'resource';
    const block = schemaOf(blocks, r.type_name, what);
    const config = cty.decodeDynamic(r.config, cty.blockType(block));
    const check = fakes.VALIDATE[`${kind}${r.type_name}`];
    if (check) check(config || {}, providerVersion);
    return { diagnostics: deprecationWarnings(what, r.type_name, block, config) };
  };
  const rpc = rpcWrapper(log);
  return {
    address: providerAddress,
    handlers: {
      GetMetadata: rpc('GetMetadata', () => ({
        server_capabilities: CAPABILITIES,
        diagnostics: [],
        resources: Object.keys(RESOURCES).map((type_name) => ({ type_name })),
        data_sources: Object.keys(DATA_SOURCES).map((type_name) => ({ type_name })),
        ephemeral_resources: Object.keys(EPHEMERAL).map((type_name) => ({ type_name })),
        functions: Object.keys(FUNCTION_SCHEMAS).map((name) => ({ name })),
      })),
      GetProviderSchema: rpc('GetProviderSchema', () => {
        if (!schemaResponses.has(responseKey)) {
          schemaResponses.set(responseKey, Object.freeze({ // frozen: plugin-server.js encodes it once per process
            provider: toSchema(P.provider),
            resource_schemas: cty.mapValues(RESOURCES, toSchema),
            data_source_schemas: cty.mapValues(DATA_SOURCES, toSchema),
            ephemeral_resource_schemas: cty.mapValues(EPHEMERAL, toSchema),
            functions: cty.mapValues(FUNCTION_SCHEMAS, toFunction),
            diagnostics: [],
            server_capabilities: CAPABILITIES,
          }));
        }
        return schemaResponses.get(responseKey);
      }),
      GetFunctions: rpc('GetFunctions', () => ({ functions: cty.mapValues(FUNCTION_SCHEMAS, toFunction), diagnostics: [] })),
      ValidateProviderConfig: rpc('ValidateProviderConfig', noDiagnostics),
      // Terraform core has already checked the configuration against the schema; what is left is the checks the
      // real providers make (fakes.VALIDATE, on the real libraries) and their deprecation warnings.
      ValidateResourceConfig: rpc('ValidateResourceConfig', validateWith('', RESOURCES)),
      ValidateDataResourceConfig: rpc('ValidateDataResourceConfig', validateWith('data.', DATA_SOURCES)),
      ConfigureProvider: rpc('ConfigureProvider', noDiagnostics),
      StopProvider: rpc('StopProvider', () => ({ Error: '' })),

      UpgradeResourceState: rpc('UpgradeResourceState', (r) => {
        const type = cty.blockType(schemaOf(RESOURCES, r.type_name, 'resource'));
        const raw = r.raw_state && r.raw_state.json;
        if (!raw || !raw.length) throw new fakes.ProviderError('tf-schema-provider: legacy flatmap state is not supported');
        return { upgraded_state: cty.encodeDynamic(cty.fromJSON(type, JSON.parse(Buffer.from(raw).toString('utf8')))), diagnostics: [] };
      }),

      // A `moved` block across resource types (Terraform >= 1.8): only where the real provider has a state mover
      // from the source type (movers.js); the state is decoded with the source schema (attributes it lacks are
      // ignored, as the plugin framework does) and handed over unchanged.
      MoveResourceState: rpc('MoveResourceState', (r) => {
        const target = schemaOf(RESOURCES, r.target_type_name, 'resource');
        if (!moveSourcesOf(providerAddress, RESOURCES, r.target_type_name).includes(r.source_type_name)) {
          throw new fakes.ProviderError('Unable to Move Resource State',
            `The target resource implementation does not include support for the given source resource.\n\n`
            + `Source Provider Address: ${r.source_provider_address}\nSource Resource Type: ${r.source_type_name}\n`
            + `Source Resource Schema Version: ${r.source_schema_version || 0}\nTarget Resource Type: ${r.target_type_name}`);
        }
        const raw = r.source_state && r.source_state.json;
        if (!raw || !raw.length) throw new fakes.ProviderError('tf-schema-provider: MoveResourceState needs JSON source state');
        const sourceType = cty.blockType(schemaOf(RESOURCES, r.source_type_name, 'resource'));
        const state = cty.fromJSON(sourceType, JSON.parse(Buffer.from(raw).toString('utf8')));
        return { target_state: cty.encodeDynamic(cty.fromJSON(cty.blockType(target), state)), target_private: r.source_private, diagnostics: [] };
      }),

      ReadResource: rpc('ReadResource', (r) => ({ new_state: r.current_state, private: r.private, diagnostics: [] })),

      PlanResourceChange: rpc('PlanResourceChange', (r) => {
        const block = schemaOf(RESOURCES, r.type_name, 'resource');
        const type = cty.blockType(block);
        const prior = cty.decodeDynamic(r.prior_state, type);
        const proposed = cty.decodeDynamic(r.proposed_new_state, type);
        if (proposed === null) return { planned_state: cty.encodeDynamic(null), requires_replace: [], diagnostics: [] };
        const planned = markComputedUnknown(block, proposed, prior === null ? undefined : prior);
        const requiresReplace = [];
        if (prior !== null) {
          const config = cty.plain(cty.decodeDynamic(r.config, type)) || {};
          for (const rule of fakes.REQUIRES_REPLACE[r.type_name] || []) {
            const p = Array.isArray(rule) ? rule : rule.path;
            if (rule.when && !rule.when(config)) continue;
            if (changed(cty.getPath(prior, p), cty.getPath(planned, p))) requiresReplace.push(p);
          }
          const recompute = fakes.RECOMPUTE_WHEN[r.type_name];
          if (recompute && recompute.inputs.some((p) => changed(cty.getPath(prior, p), cty.getPath(planned, p)))) {
            for (const [attr] of recompute.outputs) planned[attr] = cty.UNKNOWN;
          }
        }
        const modifyPlan = fakes.MODIFY_PLAN[r.type_name];
        if (modifyPlan) {
          const rawConfig = cty.decodeDynamic(r.config, type) || {};
          modifyPlan(planned, { type: r.type_name, kind: 'resource', rawConfig, config: cty.plain(rawConfig), cwd, providerVersion, memo: new Map() });
        }
        return {
          planned_state: cty.encodeDynamic(planned),
          requires_replace: requiresReplace.map(toAttributePath),
          planned_private: r.prior_private,
          diagnostics: [],
        };
      }),

      ApplyResourceChange: rpc('ApplyResourceChange', (r) => {
        const block = schemaOf(RESOURCES, r.type_name, 'resource');
        const type = cty.blockType(block);
        const planned = cty.decodeDynamic(r.planned_state, type);
        if (planned === null) return { new_state: cty.encodeDynamic(null), diagnostics: [] }; // destroy
        const config = cty.plain(cty.decodeDynamic(r.config, type)) || {};
        const ctx = { type: r.type_name, kind: 'resource', config, seed: seedOf(r.type_name, config), cwd, providerVersion, memo: new Map() };
        const state = fakes.fillUnknowns(type, planned, ctx);
        if (fakes.APPLY_CHECK[r.type_name]) fakes.APPLY_CHECK[r.type_name](state, ctx);
        return { new_state: cty.encodeDynamic(state), private: r.planned_private, diagnostics: [] };
      }),

      ImportResourceState: rpc('ImportResourceState', (r) => {
        const block = schemaOf(RESOURCES, r.type_name, 'resource');
        const state = cty.emptyObject(block);
        if ('id' in state) state.id = r.id;
        return { imported_resources: [{ type_name: r.type_name, state: cty.encodeDynamic(state) }], diagnostics: [] };
      }),

      ReadDataSource: rpc('ReadDataSource', (r) => {
        const block = schemaOf(DATA_SOURCES, r.type_name, 'data source');
        const type = cty.blockType(block);
        const configValue = cty.decodeDynamic(r.config, type);
        const config = cty.plain(configValue) || {};
        const ctx = { type: r.type_name, kind: 'data', config, seed: seedOf(`data.${r.type_name}`, config), cwd, providerVersion, memo: new Map() };
        return { state: cty.encodeDynamic(fakes.fillUnknowns(type, markComputedUnknown(block, configValue), ctx)), diagnostics: [] };
      }),

      CallFunction: rpc('CallFunction', (r) => {
        const f = FUNCTION_SCHEMAS[r.name];
        if (!f) return { error: { text: `unknown function ${r.name}` } };
        const args = (r.arguments || []).map((a, i) => cty.decodeDynamic(a, (f.parameters[i] || f.variadic_parameter || {}).type));
        const impl = fakes.FUNCTIONS[r.name];
        const result = impl ? impl(args, { cwd }) : fakes.genericFake(f.return_type, null, `function:${r.name}`);
        return { result: cty.encodeDynamic(result) };
      }),
    },
  };
}

module.exports = { createProviderService, markComputedUnknown };
