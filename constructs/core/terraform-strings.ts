// Small rules about Terraform strings and addresses the constructs share.
import { Lazy, TerraformResource, Token } from 'cdktf';

/** Escapes literal text for a Terraform template string: `${` and `%{` would otherwise be interpolated. */
export function escapeTerraformTemplate(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * The Terraform address `<type>.<logical id>` of `r`, resolved at synth time so that a later overrideLogicalId is
 * honoured. For `replace_triggered_by`: cdktf 0.21 writes a resource object there as "${...}", which Terraform
 * rejects in JSON ("Invalid character"); a bare address is accepted.
 */
export function addressOf(r: TerraformResource): string {
  return Lazy.stringValue({ produce: () => `${r.terraformResourceType}.${r.friendlyUniqueId}` });
}

/** Whether `v` is set and known at synth time (not a Terraform token): only such values are validated. */
export const known = <T extends number | string>(v: T | undefined): v is T => v !== undefined && !Token.isUnresolved(v);
