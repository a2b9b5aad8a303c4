import { TerraformElement, TerraformStack, Tokenization } from 'cdktf';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
import { IConstruct } from 'constructs';

/**
 * The Terraform release a `moved` block to another resource type needs: 1.8 added the provider's
 * MoveResourceState call that bpg's state movers implement. OpenTofu reads the same constraint against its own
 * version and follows such moves from 1.10 on.
 * @see https://developer.hashicorp.com/terraform/language/moved
 * @see https://developer.hashicorp.com/terraform/plugin/framework/resources/state-move
 * @see https://github.com/opentofu/opentofu/pull/2370
 */
export const CROSS_TYPE_MOVE_ENGINE = '1.8';

/** What cdktf 0.21 checks at synth time (`terraform version`) for every stack with a `moved` block. */
export const MOVED_BLOCK_ENGINE = '1.5';

const ELEMENT_ID = 'ProxmoxCdktfRequiredVersion';

type Version = readonly [number, number, number];

/**
 * Declares that `scope`'s stack needs Terraform `minimum` or later: the stack's JSON gets
 * `terraform.required_version = ">= <highest minimum declared>"`, which Terraform checks on the machine that runs
 * init and plan. A value the user sets with `stack.addOverride('terraform.required_version', ...)` wins (overrides
 * merge last), before or after this call; overriding it with `undefined` removes the constraint.
 *
 * cdktf 0.21 runs `terraform version` at synth time for every stack with a `moved` block (a child process, and a
 * failed synthesis on a machine without Terraform, such as a CI job that only synthesizes). That check is dropped
 * for a stack whose final required_version already guarantees the version it checks; otherwise (a user's own moves
 * without a constraint, or a constraint that allows older releases) cdktf's check stays.
 * @see https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version
 */
export function requireEngineVersion(scope: IConstruct, minimum: string): void {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ELEMENT_ID);
  const element = existing instanceof RequiredEngineVersion ? existing : new RequiredEngineVersion(stack);
  element.raise(parseVersion(minimum));
}

/** The stack's `terraform` element for {@link requireEngineVersion}; emits only `terraform.required_version`. */
class RequiredEngineVersion extends TerraformElement {
  private minimum: Version = [0, 0, 0];

  constructor(stack: TerraformStack) {
    super(stack, ELEMENT_ID);
    skipImpliedVersionChecks(stack);
  }

  raise(v: Version): void {
    if (compare(v, this.minimum) > 0) this.minimum = v;
  }

  get constraint(): string {
    const [major, minor, patch] = this.minimum;
    return `>= ${major}.${minor}${patch ? `.${patch}` : ''}`;
  }

  toTerraform(): any {
    return { terraform: { required_version: this.constraint } };
  }

  /**
   * Nothing in HCL output (`SYNTH_HCL_OUTPUT`): cdktf 0.21's renderTerraform writes every terraform-block attribute
   * other than its blocks as `0 = "<name>"` (it renders the list of names), which Terraform cannot parse. Such a
   * stack keeps cdktf's own check instead (see {@link skipImpliedVersionChecks}).
   * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/hcl/render.ts
   */
  toHclTerraform(): any {
    return {};
  }
}

/**
 * The `terraform.required_version` the stack's JSON will hold, when it is a plain string: the user's override, else
 * the one {@link requireEngineVersion} declared. Undefined when there is none or it is a token.
 */
export function declaredRequiredVersion(stack: TerraformStack): string | undefined {
  const overrides = (stack as unknown as { rawOverrides?: Record<string, unknown> }).rawOverrides ?? {};
  if ('terraform' in overrides) {
    const block = overrides.terraform;
    if (typeof block !== 'object' || block === null || Array.isArray(block) || Tokenization.isResolvable(block)) return undefined;
    if ('required_version' in block) {
      const v = (block as Record<string, unknown>).required_version;
      return typeof v === 'string' && !Tokenization.isResolvable(v) && !v.includes('${') ? v : undefined;
    }
  }
  const element = stack.node.tryFindChild(ELEMENT_ID);
  return element instanceof RequiredEngineVersion ? element.constraint : undefined;
}

/**
 * The lowest release a Terraform version constraint (comma-separated `op version` terms, all of which must hold)
 * admits, as far as one of its terms bounds it from below (`>=`, `>`, `=`, `~>` or a bare version); undefined when
 * none does or a term is not understood. Pre-release versions count as no bound (1.8.0-beta1 is below 1.8.0).
 * @see https://developer.hashicorp.com/terraform/language/expressions/version-constraints
 */
export function constraintLowerBound(constraint: string): Version | undefined {
  let bound: Version | undefined;
  for (const term of constraint.split(',')) {
    const m = /^\s*(>=|>|=|~>|!=|<=|<)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?\s*$/.exec(term);
    if (!m) return undefined;
    const [, op = '=', major, minor, patch, pre] = m;
    if (op === '!=' || op === '<=' || op === '<' || pre) continue;
    const v: Version = [Number(major), Number(minor ?? 0), Number(patch ?? 0)];
    if (!bound || compare(v, bound) > 0) bound = v;
  }
  return bound;
}

/**
 * Makes the stack drop, when it runs its validations (cdktf's StackSynthesizer adds the moved-block check just
 * before), each `ValidateTerraformVersion` of the form `>=X` on the stack whose X its declared required_version
 * already guarantees; not in HCL output, which leaves the declaration out. constructs 10 keeps validations in a private array; there is no public way to remove one.
 */
function skipImpliedVersionChecks(stack: TerraformStack): void {
  const run = stack.runAllValidations;
  if (typeof run !== 'function') return;
  stack.runAllValidations = function runAllValidations(this: TerraformStack): void {
    const hclOutput = (this.synthesizer as unknown as { hclOutput?: unknown }).hclOutput === true;
    const declared = hclOutput ? undefined : declaredRequiredVersion(this);
    const bound = declared === undefined ? undefined : constraintLowerBound(declared);
    const node = this.node as unknown as { _validations?: unknown[] };
    if (bound && Array.isArray(node._validations)) {
      node._validations = node._validations.filter((v) => !(v instanceof ValidateTerraformVersion && impliedBy(v, bound)));
    }
    run.call(this);
  };
}

function impliedBy(check: ValidateTerraformVersion, bound: Version): boolean {
  const c = (check as unknown as { versionConstraint?: unknown }).versionConstraint;
  if (typeof c !== 'string' || !/^\s*>=/.test(c)) return false;
  const min = constraintLowerBound(c);
  return min !== undefined && compare(min, bound) <= 0;
}

function parseVersion(v: string): Version {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) throw new Error(`requireEngineVersion: '${v}' is not a version such as 1.8 or 1.8.2`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
