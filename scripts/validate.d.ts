// Types for scripts/validate.js (plain CommonJS, run by `npm run validate` without a build),
// for the TypeScript tests that use it.

/** A synthesized Terraform JSON configuration (cdk.tf.json). */
export type TfJson = Record<string, any>;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** wall time in milliseconds */
  ms: number;
}

export interface Mirror {
  dir: string;
  cliConfig: string;
}

export interface ProviderEntry {
  address: string;
  namespace: string;
  type: string;
  version: string;
  file: string;
}

export interface WorkspaceOptions {
  /** the configuration, or `stackDir` (a directory holding cdk.tf.json, copied with its assets) */
  config?: TfJson;
  stackDir?: string;
  name?: string;
  /** values for the stack's variables (default: dummies from their types) */
  vars?: Record<string, string>;
  /** keep the scratch directory */
  keep?: boolean;
  /** share one provider mirror between workspaces */
  mirror?: Mirror;
  terraform?: string;
  /** serve providers from this process (default); false: one provider process per launch */
  useHost?: boolean;
}

/** Terraform's JSON plan representation (`terraform show -json <plan>`), loosely typed. */
export interface PlanJson {
  resource_changes?: Array<{
    address: string;
    type: string;
    name: string;
    mode: 'managed' | 'data';
    change: { actions: string[]; before: any; after: any; after_unknown?: any; replace_paths?: any[] };
    action_reason?: string;
  }>;
  planned_values?: any;
  prior_state?: any;
  output_changes?: Record<string, { actions: string[]; before: any; after: any }>;
  [k: string]: any;
}

export class Workspace {
  static create(o: WorkspaceOptions): Workspace;
  readonly dir: string;
  readonly name: string;
  config: TfJson;
  env: Record<string, string>;
  writeConfig(tfJson: TfJson): void;
  run(args: string[]): Promise<RunResult>;
  init(): Promise<RunResult>;
  validate(): Promise<RunResult>;
  plan(extraArgs?: string[]): Promise<RunResult>;
  apply(planFile?: string): Promise<RunResult>;
  /** apply -target of these addresses only (no plan file). */
  applyTargets(addresses: string[]): Promise<RunResult>;
  /** Selected provider versions after init. */
  providerVersions(): Promise<Record<string, string>>;
  readonly mode: 'offline' | 'plugin-dir';
  importResource(address: string, id: string): Promise<RunResult>;
  showJson(planFile?: string): Promise<PlanJson>;
  planJson(planFile?: string): Promise<PlanJson>;
  outputs(): Promise<Record<string, { value: any; type: any; sensitive: boolean }>>;
  state(): Promise<any>;
  cleanup(): void;
}

export class TerraformError extends Error {
  step: string;
  result: RunResult;
}

export interface StackResult {
  name: string;
  dir: string;
  /** 'offline' (tools/tf-schema-provider) or 'plugin-dir' (real provider binaries). */
  mode: 'offline' | 'plugin-dir';
  /** Selected provider versions by source address. */
  providers: Record<string, string>;
  resources: number;
  dataSources: number;
  /** Data sources read during the last plan. */
  dataSourcesRead: number;
  /** Milliseconds per step; secrets/plan2 for Talos stacks, apply/replan offline only. */
  timings: { init: number; validate: number; plan: number; secrets?: number; plan2?: number; apply?: number; replan?: number };
  plan: { add: number; change: number; destroy: number };
  planJson?: PlanJson;
  /** `terraform show -json` of the state after the apply (offline, with `stateJson: true`). */
  state?: any;
}

export function findTerraform(): string | null;
/** Start (once) the in-process provider host; null when TF_SCHEMA_PROVIDER_NO_HOST=1. */
export function ensureHost(): Promise<{ address: string; env: Record<string, string>; launches(): number; close(): Promise<void> } | null>;
/** Stop the provider host (call in afterAll). */
export function stopHost(): Promise<void>;
export function schemaCatalog(schemaDir?: string): Record<string, ProviderEntry>;
export function writeMirror(dir: string, catalog?: Record<string, ProviderEntry>): Mirror;
export function terraformEnv(cliConfig: string, extra?: Record<string, string>): Record<string, string>;
export function dummyForType(typeExpr: string | undefined, name: string): string;
export function dummyVariables(tfJson: TfJson, overrides?: Record<string, string>): Record<string, string>;
export function check(step: string, r: RunResult): RunResult;
export function planSummary(stdout: string): { add: number; change: number; destroy: number };
/** The deprecation warnings ("Warning: Deprecated", "Argument is deprecated", "Attribute Deprecated") in Terraform's human-readable output, one line each. */
export function deprecationWarnings(output: string): string[];
export function validateStack(o: WorkspaceOptions & { planJson?: boolean; stateJson?: boolean }): Promise<StackResult>;
export function validateStackDir(stackDir: string, o?: Omit<WorkspaceOptions, 'stackDir'> & { planJson?: boolean }): Promise<StackResult>;
export function planJson(configOrDir: TfJson | string, o?: WorkspaceOptions): Promise<PlanJson>;
export function appCommand(root?: string): { cmd: string; args: string[]; label: string };
export function synthesize(outdir: string, root?: string): Array<{ name: string; dir: string }>;
export function stacksOf(outdir: string): Array<{ name: string; dir: string }>;
export function main(argv?: string[]): Promise<number>;
export function withoutProvisioners(tfJson: TfJson): TfJson;
/** A CLI config installing from a filesystem mirror of real provider binaries (--plugin-dir). */
export function pluginDirMirror(dir: string, cliConfigFile: string): Mirror;
/** A copy of the configuration whose Proxmox provider blocks point at LOOPBACK_PROXMOX. */
export function withLoopbackProxmox(tfJson: TfJson): TfJson;
export const LOOPBACK_PROXMOX: string;
export function talosSecretsAddresses(tfJson: TfJson): string[];
export function dataSourcesRead(planStdout: string): number;
