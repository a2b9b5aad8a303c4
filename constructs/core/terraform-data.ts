import { DataConfig, DataResource } from 'cdktf';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
import { Construct } from 'constructs';

/**
 * Terraform's built-in `terraform_data` resource, without cdktf's synth-time `terraform version` check.
 *
 * cdktf 0.21 attaches to every `terraform_data` a validation that runs `terraform version` in a child process
 * at synth time: about 75 ms each (a third of the example app's synthesis), and synthesis fails outright on a
 * machine without Terraform, such as a CI job that only synthesizes for a later pipeline. The check guards
 * Terraform >= 1.4; `terraform init` enforces the same through the provider requirements anyway.
 */
export function terraformData(scope: Construct, id: string, config: DataConfig): DataResource {
  const resource = new DataResource(scope, id, config);
  // constructs 10 keeps validations in a private array; there is no public way to remove one.
  const node = resource.node as unknown as { _validations?: unknown[] };
  if (Array.isArray(node._validations)) {
    node._validations = node._validations.filter((v) => !(v instanceof ValidateTerraformVersion));
  }
  return resource;
}
